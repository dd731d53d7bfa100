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
    std::string from_names;
    for (Index t : d.missing) {
      const Step& from = wf.step(wf.transition(t).from);
      from_names += (from_names.empty() ? "" : " and ") + quoted(from.name);
      missing.emplace_back(from.id, join.id);
    }
    Finding f = finding_for(deadlock, pointer_to("steps", d.step),
                            "The step " + quoted(join.name) + " waits for the transition" +
                                (missing.size() == 1 ? "" : "s") + " from " + from_names +
                                ", which the run shown never takes: the case can go no further and is not complete.");
    f.transitions = std::move(missing);
    f.steps = {join.id};
    f.witness = step_ids(wf, d.run);
    out.push_back(std::move(f));
  }
}

}  // namespace baton::checks
