#include <baton/checks/redundant_control.hpp>

#include <baton/dataflow.hpp>
#include <baton/semantics.hpp>

#include "finding_for.hpp"

namespace baton::checks {

namespace {
std::string what_is_checked(const Workflow& wf, const Repetition& r) {
  const std::string artifact = quoted(wf.artifacts()[r.artifact].name);
  return r.aspect == "*" ? artifact : artifact + " for " + quoted(r.aspect);
}
}  // namespace

void run_redundant_control(CheckContext& context, std::vector<Finding>& out) {
  const Workflow& wf = context.workflow();
  for (const Repetition& r : repetitions(context, redundant_control.id).controls) {
    const Step& control = wf.step(r.step);
    Finding f = finding_for(redundant_control, pointer_to("steps", r.step),
                            "The step " + quoted(control.name) + " checks " + what_is_checked(wf, r) +
                                " again, although in every run " + quoted(wf.step(r.earlier.front()).name) +
                                " has already checked it and nothing has changed it since.");
    f.steps = step_ids(wf, r.steps());
    out.push_back(std::move(f));
  }
}

}  // namespace baton::checks
