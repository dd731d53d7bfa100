#include <baton/checks/lack_of_synchronization.hpp>

#include <baton/semantics.hpp>
#include <baton/soundness.hpp>

#include "finding_for.hpp"

namespace baton::checks {

void run_lack_of_synchronization(CheckContext& context, std::vector<Finding>& out) {
  const Workflow& wf = context.workflow();
  for (const DoubledTransition& d : soundness(context, lack_of_synchronization.id).doubled) {
    const Transition& t = wf.transition(d.transition);
    const Step& from = wf.step(t.from);
    const Step& to = wf.step(t.to);
    Finding f = finding_for(lack_of_synchronization, pointer_to("transitions", d.transition),
                            context.say(Msg::lack_of_synchronization, {{"from", context.quote(from.name)}, {"to", context.quote(to.name)}}));
    f.steps = {to.id};
    f.transitions = {{from.id, to.id}};
    f.witness = step_ids(wf, d.run);
    out.push_back(std::move(f));
  }
}

}  // namespace baton::checks
