// undescribed-step: A task, control or decision step with no description.
// Documentation: docs/checks/undescribed-step.md
#pragma once

#include <baton/check.hpp>

namespace baton::checks {

void run_undescribed_step(CheckContext& context, std::vector<Finding>& out);

inline constexpr Check undescribed_step{"undescribed-step", Severity::info,
                              "A task, control or decision step with no description.",
                              &run_undescribed_step};

}  // namespace baton::checks
