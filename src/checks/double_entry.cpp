#include <baton/checks/double_entry.hpp>

namespace baton::checks {

// NOT YET IMPLEMENTED: replaced by the check's real analysis.
void run_double_entry(CheckContext&, std::vector<Finding>&) {}

}  // namespace baton::checks
