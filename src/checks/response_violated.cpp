#include <baton/checks/response_violated.hpp>

namespace baton::checks {

// NOT YET IMPLEMENTED: replaced by the check's real analysis.
void run_response_violated(CheckContext&, std::vector<Finding>&) {}

}  // namespace baton::checks
