#include <baton/checks/deadline_exceeded.hpp>

namespace baton::checks {

// NOT YET IMPLEMENTED: replaced by the check's real analysis.
void run_deadline_exceeded(CheckContext&, std::vector<Finding>&) {}

}  // namespace baton::checks
