#include <baton/checks/deadline_unknown.hpp>

namespace baton::checks {

// NOT YET IMPLEMENTED: replaced by the check's real analysis.
void run_deadline_unknown(CheckContext&, std::vector<Finding>&) {}

}  // namespace baton::checks
