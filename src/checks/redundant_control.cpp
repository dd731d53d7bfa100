#include <baton/checks/redundant_control.hpp>

#include <baton/dataflow.hpp>
#include <baton/semantics.hpp>

#include "finding_for.hpp"

namespace baton::checks {

namespace {
std::string what_is_checked(const CheckContext& context, const Repetition& r) {
  const std::string artifact = context.quote(context.workflow().artifacts()[r.artifact].name);
  return r.aspect == "*" ? artifact
                         : context.say(Msg::checked_for_aspect, {{"artifact", artifact}, {"aspect", context.quote(r.aspect)}});
}
}  // namespace

void run_redundant_control(CheckContext& context, std::vector<Finding>& out) {
  const Workflow& wf = context.workflow();
  for (const Repetition& r : repetitions(context, redundant_control.id).controls) {
    const Step& control = wf.step(r.step);
    Finding f = finding_for(redundant_control, pointer_to("steps", r.step),
                            context.say(Msg::redundant_control, {{"step", context.quote(control.name)},
                                                                 {"what", what_is_checked(context, r)},
                                                                 {"earlier", context.quote(wf.step(r.earlier.front()).name)}}));
    f.steps = step_ids(wf, r.steps());
    out.push_back(std::move(f));
  }
}

}  // namespace baton::checks
