#include <baton/checks/undescribed_handover.hpp>

#include "finding_for.hpp"

namespace baton::checks {

void run_undescribed_handover(CheckContext& context, std::vector<Finding>& out) {
  report_handovers(
      undescribed_handover, context.workflow(), out, [](const Handover* h) { return !h || !h->how; },
      Severity::warning, Severity::info, "does not say how it happens");
}

}  // namespace baton::checks
