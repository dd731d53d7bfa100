#include <baton/checks/unrecorded_output.hpp>

namespace baton::checks {

// NOT YET IMPLEMENTED: replaced by the check's real analysis.
void run_unrecorded_output(CheckContext&, std::vector<Finding>&) {}

}  // namespace baton::checks
