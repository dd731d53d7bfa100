#include <baton/checks/duplicate_work.hpp>

namespace baton::checks {

// NOT YET IMPLEMENTED: replaced by the check's real analysis.
void run_duplicate_work(CheckContext&, std::vector<Finding>&) {}

}  // namespace baton::checks
