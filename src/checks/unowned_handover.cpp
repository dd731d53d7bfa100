#include <baton/checks/unowned_handover.hpp>

#include "finding_for.hpp"

namespace baton::checks {

void run_unowned_handover(CheckContext& context, std::vector<Finding>& out) {
  report_handovers(
      unowned_handover, context, out,
      [](const Handover* h) { return !h || !h->responsible; }, Severity::error, Severity::warning,
      Msg::lack_responsible);
}

}  // namespace baton::checks
