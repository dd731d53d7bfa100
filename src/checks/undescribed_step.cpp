#include <baton/checks/undescribed_step.hpp>

#include "finding_for.hpp"

namespace baton::checks {

void run_undescribed_step(CheckContext& context, std::vector<Finding>& out) {
  report_work_steps(undescribed_step, context, out, [](const Step& s) { return !s.description; }, Msg::lack_description);
}

}  // namespace baton::checks
