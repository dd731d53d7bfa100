// dead-end: A step from which no path reaches an end step.
// Documentation: docs/checks/dead-end.md
#pragma once

#include <baton/check.hpp>

namespace baton::checks {

void run_dead_end(CheckContext& context, std::vector<Finding>& out);

inline constexpr Check dead_end{"dead-end", Severity::error,
                              "A step from which no path reaches an end step.",
                              &run_dead_end};

}  // namespace baton::checks
