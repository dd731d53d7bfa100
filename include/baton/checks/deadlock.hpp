// deadlock: A reachable state in which nothing can run but the case is not complete.
// Documentation: docs/checks/deadlock.md
#pragma once

#include <baton/check.hpp>

namespace baton::checks {

void run_deadlock(CheckContext& context, std::vector<Finding>& out);

inline constexpr Check deadlock{"deadlock", Severity::error,
                              "A reachable state in which nothing can run but the case is not complete.",
                              &run_deadlock};

}  // namespace baton::checks
