// unowned-step: A task, control or decision step with no team.
// Documentation: docs/checks/unowned-step.md
#pragma once

#include <baton/check.hpp>

namespace baton::checks {

void run_unowned_step(CheckContext& context, std::vector<Finding>& out);

inline constexpr Check unowned_step{"unowned-step", Severity::warning,
                              "A task, control or decision step with no team.",
                              &run_unowned_step};

}  // namespace baton::checks
