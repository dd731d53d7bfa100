#include <baton/checks/unused_team.hpp>

namespace baton::checks {

// NOT YET IMPLEMENTED: replaced by the check's real analysis.
void run_unused_team(CheckContext&, std::vector<Finding>&) {}

}  // namespace baton::checks
