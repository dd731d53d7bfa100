#include <baton/checks/review_overdue.hpp>

namespace baton::checks {

// NOT YET IMPLEMENTED: replaced by the check's real analysis.
void run_review_overdue(CheckContext&, std::vector<Finding>&) {}

}  // namespace baton::checks
