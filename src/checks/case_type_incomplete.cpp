#include <baton/checks/case_type_incomplete.hpp>

namespace baton::checks {

// NOT YET IMPLEMENTED: replaced by the check's real analysis.
void run_case_type_incomplete(CheckContext&, std::vector<Finding>&) {}

}  // namespace baton::checks
