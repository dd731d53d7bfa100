#include <baton/checks/unowned_step.hpp>

#include "finding_for.hpp"

namespace baton::checks {

void run_unowned_step(CheckContext& context, std::vector<Finding>& out) {
  report_work_steps(unowned_step, context, out, [](const Step& s) { return !s.team; }, Msg::lack_team);
}

}  // namespace baton::checks
