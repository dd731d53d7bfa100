#include <baton/checks/existence_violated.hpp>

namespace baton::checks {

// NOT YET IMPLEMENTED: replaced by the check's real analysis.
void run_existence_violated(CheckContext&, std::vector<Finding>&) {}

}  // namespace baton::checks
