#include <baton/checks/unreachable_step.hpp>

namespace baton::checks {

// NOT YET IMPLEMENTED: replaced by the check's real analysis.
void run_unreachable_step(CheckContext&, std::vector<Finding>&) {}

}  // namespace baton::checks
