#include <baton/checks/deadlock.hpp>

#include <baton/semantics.hpp>
#include <baton/soundness.hpp>

#include "finding_for.hpp"

namespace baton::checks {

// A case stopped at a step with no way on that is no end step is a deadlock
// too; dead-end reports every such step, so it is not repeated here
// (docs/checks/deadlock.md).
void run_deadlock(CheckContext& context, std::vector<Finding>& out) {
  const Workflow& wf = context.workflow();
  for (const Deadlock& d : soundness(context, deadlock.id).deadlocks) {
    const Step& join = wf.step(d.step);
    std::vector<std::pair<std::string, std::string>> missing;
    std::vector<std::string> from_names;
    for (Index t : d.missing) {
      const Step& from = wf.step(wf.transition(t).from);
      from_names.push_back(context.quote(from.name));
      missing.emplace_back(from.id, join.id);
    }
    Finding f = finding_for(deadlock, pointer_to("steps", d.step),
                            context.say(missing.size() == 1 ? Msg::deadlock_one : Msg::deadlock_many,
                                        {{"step", context.quote(join.name)},
                                         {"from", join_words(context.lang(), from_names)}}));
    f.transitions = std::move(missing);
    f.steps = {join.id};
    f.witness = step_ids(wf, d.run);
    out.push_back(std::move(f));
  }
}

}  // namespace baton::checks
