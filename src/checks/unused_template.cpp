#include <baton/checks/unused_template.hpp>

namespace baton::checks {

// NOT YET IMPLEMENTED: replaced by the check's real analysis.
void run_unused_template(CheckContext&, std::vector<Finding>&) {}

}  // namespace baton::checks
