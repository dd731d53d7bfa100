#include <baton/checks/undescribed_handover.hpp>

#include "finding_for.hpp"

namespace baton::checks {

void run_undescribed_handover(CheckContext& context, std::vector<Finding>& out) {
  report_handovers(
      undescribed_handover, context, out, [](const Handover* h) { return !h || !h->how; },
      Severity::warning, Severity::info, Msg::lack_how);
}

}  // namespace baton::checks
