// no-it-support: A task, control or decision step with no IT support described.
// Documentation: docs/checks/no-it-support.md
#pragma once

#include <baton/check.hpp>

namespace baton::checks {

void run_no_it_support(CheckContext& context, std::vector<Finding>& out);

inline constexpr Check no_it_support{"no-it-support", Severity::info,
                              "A task, control or decision step with no IT support described.",
                              &run_no_it_support};

}  // namespace baton::checks
