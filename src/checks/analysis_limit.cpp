#include <baton/checks/analysis_limit.hpp>

namespace baton::checks {

// NOT YET IMPLEMENTED: replaced by the check's real analysis.
void run_analysis_limit(CheckContext&, std::vector<Finding>&) {}

}  // namespace baton::checks
