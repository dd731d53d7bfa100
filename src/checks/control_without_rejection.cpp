#include <baton/checks/control_without_rejection.hpp>

namespace baton::checks {

// NOT YET IMPLEMENTED: replaced by the check's real analysis.
void run_control_without_rejection(CheckContext&, std::vector<Finding>&) {}

}  // namespace baton::checks
