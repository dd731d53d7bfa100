#include <baton/checks/precedence_violated.hpp>

namespace baton::checks {

// NOT YET IMPLEMENTED: replaced by the check's real analysis.
void run_precedence_violated(CheckContext&, std::vector<Finding>&) {}

}  // namespace baton::checks
