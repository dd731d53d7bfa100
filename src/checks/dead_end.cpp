#include <baton/checks/dead_end.hpp>

namespace baton::checks {

// NOT YET IMPLEMENTED: replaced by the check's real analysis.
void run_dead_end(CheckContext&, std::vector<Finding>&) {}

}  // namespace baton::checks
