#include <baton/checks/unowned_handover.hpp>

#include "finding_for.hpp"

namespace baton::checks {

void run_unowned_handover(CheckContext& context, std::vector<Finding>& out) {
  report_handovers(
      unowned_handover, context.workflow(), out,
      [](const Handover* h) { return !h || !h->responsible; }, Severity::error, Severity::warning,
      "has nobody responsible for it");
}

}  // namespace baton::checks
