#include <baton/checks/undescribed_step.hpp>

#include "finding_for.hpp"

namespace baton::checks {

void run_undescribed_step(CheckContext& context, std::vector<Finding>& out) {
  report_work_steps(undescribed_step, context.workflow(), out, [](const Step& s) { return !s.description; },
                    "has no description of what is done in it");
}

}  // namespace baton::checks
