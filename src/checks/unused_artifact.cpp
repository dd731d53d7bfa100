#include <baton/checks/unused_artifact.hpp>

namespace baton::checks {

// NOT YET IMPLEMENTED: replaced by the check's real analysis.
void run_unused_artifact(CheckContext&, std::vector<Finding>&) {}

}  // namespace baton::checks
