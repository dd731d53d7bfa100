// redundant-control: A control that, in every run, repeats a check of the same artifact and aspect with nothing changing it in between.
// Documentation: docs/checks/redundant-control.md
#pragma once

#include <baton/check.hpp>

namespace baton::checks {

void run_redundant_control(CheckContext& context, std::vector<Finding>& out);

inline constexpr Check redundant_control{"redundant-control", Severity::warning,
                              "A control that, in every run, repeats a check of the same artifact and aspect with nothing changing it in between.",
                              &run_redundant_control};

}  // namespace baton::checks
