#include <baton/checks/undescribed_step.hpp>

namespace baton::checks {

// NOT YET IMPLEMENTED: replaced by the check's real analysis.
void run_undescribed_step(CheckContext&, std::vector<Finding>&) {}

}  // namespace baton::checks
