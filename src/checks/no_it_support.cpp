#include <baton/checks/no_it_support.hpp>

namespace baton::checks {

// NOT YET IMPLEMENTED: replaced by the check's real analysis.
void run_no_it_support(CheckContext&, std::vector<Finding>&) {}

}  // namespace baton::checks
