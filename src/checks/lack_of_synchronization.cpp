#include <baton/checks/lack_of_synchronization.hpp>

namespace baton::checks {

// NOT YET IMPLEMENTED: replaced by the check's real analysis.
void run_lack_of_synchronization(CheckContext&, std::vector<Finding>&) {}

}  // namespace baton::checks
