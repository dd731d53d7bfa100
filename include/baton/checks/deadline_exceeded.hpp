// deadline-exceeded: The longest possible time from a first step to the next then step is over the rule's deadline.
// Documentation: docs/checks/deadline-exceeded.md
#pragma once

#include <baton/check.hpp>

namespace baton::checks {

void run_deadline_exceeded(CheckContext& context, std::vector<Finding>& out);

inline constexpr Check deadline_exceeded{"deadline-exceeded", Severity::error,
                              "The longest possible time from a first step to the next then step is over the rule's deadline.",
                              &run_deadline_exceeded};

}  // namespace baton::checks
