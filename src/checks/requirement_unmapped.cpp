#include <baton/checks/requirement_unmapped.hpp>

namespace baton::checks {

// NOT YET IMPLEMENTED: replaced by the check's real analysis.
void run_requirement_unmapped(CheckContext&, std::vector<Finding>&) {}

}  // namespace baton::checks
