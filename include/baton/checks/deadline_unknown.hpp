// deadline-unknown: A step that can run between a first step and the next then step has no duration.
// Documentation: docs/checks/deadline-unknown.md
#pragma once

#include <baton/check.hpp>

namespace baton::checks {

void run_deadline_unknown(CheckContext& context, std::vector<Finding>& out);

inline constexpr Check deadline_unknown{"deadline-unknown", Severity::info,
                              "A step that can run between a first step and the next then step has no duration.",
                              &run_deadline_unknown};

}  // namespace baton::checks
