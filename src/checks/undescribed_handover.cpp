#include <baton/checks/undescribed_handover.hpp>

namespace baton::checks {

// NOT YET IMPLEMENTED: replaced by the check's real analysis.
void run_undescribed_handover(CheckContext&, std::vector<Finding>&) {}

}  // namespace baton::checks
