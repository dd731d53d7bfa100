#include <baton/checks/control_without_rejection.hpp>

#include "finding_for.hpp"

namespace baton::checks {

void run_control_without_rejection(CheckContext& context, std::vector<Finding>& out) {
  const Workflow& wf = context.workflow();
  for (Index i = 0; i < wf.steps().size(); ++i) {
    const Step& s = wf.step(i);
    // Gateways after the control only route its outcomes on.
    if (s.kind != StepKind::control || ways_on(wf, i).size() > 1) continue;
    Finding f = finding_for(control_without_rejection, pointer_to("steps", i),
                            context.say(Msg::control_without_rejection, {{"step", context.quote(s.name)}}));
    f.steps = {s.id};
    out.push_back(std::move(f));
  }
}

}  // namespace baton::checks
