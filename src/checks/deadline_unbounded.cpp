#include <baton/checks/deadline_unbounded.hpp>

namespace baton::checks {

// NOT YET IMPLEMENTED: replaced by the check's real analysis.
void run_deadline_unbounded(CheckContext&, std::vector<Finding>&) {}

}  // namespace baton::checks
