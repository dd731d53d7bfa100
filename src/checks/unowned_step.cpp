#include <baton/checks/unowned_step.hpp>

namespace baton::checks {

void run_unowned_step(CheckContext& context, std::vector<Finding>& out) {
  const Workflow& wf = context.workflow();
  for (Index i = 0; i < wf.steps().size(); ++i) {
    const Step& s = wf.step(i);
    if (!s.is_work() || s.team) continue;
    out.push_back({std::string(unowned_step.id), pointer_to("steps", i), unowned_step.severity,
                   "Nobody owns the step \"" + s.name + "\": it names no team.", {s.id}, {}, "", "", {}});
  }
}

}  // namespace baton::checks
