// deadline-unbounded: A loop can run between a first step and the next then step, so no bound on the time exists.
// Documentation: docs/checks/deadline-unbounded.md
#pragma once

#include <baton/check.hpp>

namespace baton::checks {

void run_deadline_unbounded(CheckContext& context, std::vector<Finding>& out);

inline constexpr Check deadline_unbounded{"deadline-unbounded", Severity::warning,
                              "A loop can run between a first step and the next then step, so no bound on the time exists.",
                              &run_deadline_unbounded};

}  // namespace baton::checks
