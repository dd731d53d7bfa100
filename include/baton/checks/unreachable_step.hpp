// unreachable-step: A step that no path from the start step reaches.
// Documentation: docs/checks/unreachable-step.md
#pragma once

#include <baton/check.hpp>

namespace baton::checks {

void run_unreachable_step(CheckContext& context, std::vector<Finding>& out);

inline constexpr Check unreachable_step{"unreachable-step", Severity::error,
                              "A step that no path from the start step reaches.",
                              &run_unreachable_step};

}  // namespace baton::checks
