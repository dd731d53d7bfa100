// lack-of-synchronization: A reachable state in which one transition has been taken twice and not yet consumed.
// Documentation: docs/checks/lack-of-synchronization.md
#pragma once

#include <baton/check.hpp>

namespace baton::checks {

void run_lack_of_synchronization(CheckContext& context, std::vector<Finding>& out);

inline constexpr Check lack_of_synchronization{"lack-of-synchronization", Severity::error,
                              "A reachable state in which one transition has been taken twice and not yet consumed.",
                              &run_lack_of_synchronization};

}  // namespace baton::checks
