// double-entry: The same artifact recorded in two different systems in one run.
// Documentation: docs/checks/double-entry.md
#pragma once

#include <baton/check.hpp>

namespace baton::checks {

void run_double_entry(CheckContext& context, std::vector<Finding>& out);

inline constexpr Check double_entry{"double-entry", Severity::warning,
                              "The same artifact recorded in two different systems in one run.",
                              &run_double_entry};

}  // namespace baton::checks
