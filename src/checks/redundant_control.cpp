#include <baton/checks/redundant_control.hpp>

namespace baton::checks {

// NOT YET IMPLEMENTED: replaced by the check's real analysis.
void run_redundant_control(CheckContext&, std::vector<Finding>&) {}

}  // namespace baton::checks
