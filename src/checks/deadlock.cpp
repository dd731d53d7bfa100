#include <baton/checks/deadlock.hpp>

namespace baton::checks {

// NOT YET IMPLEMENTED: replaced by the check's real analysis.
void run_deadlock(CheckContext&, std::vector<Finding>&) {}

}  // namespace baton::checks
