#include <baton/checks/no_it_support.hpp>

#include "finding_for.hpp"

namespace baton::checks {

void run_no_it_support(CheckContext& context, std::vector<Finding>& out) {
  report_work_steps(no_it_support, context, out, [](const Step& s) { return !s.it; }, Msg::lack_it);
}

}  // namespace baton::checks
