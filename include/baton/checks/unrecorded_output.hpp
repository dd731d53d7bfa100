// unrecorded-output: An artifact some step writes that no step records in any system.
// Documentation: docs/checks/unrecorded-output.md
#pragma once

#include <baton/check.hpp>

namespace baton::checks {

void run_unrecorded_output(CheckContext& context, std::vector<Finding>& out);

inline constexpr Check unrecorded_output{"unrecorded-output", Severity::info,
                              "An artifact some step writes that no step records in any system.",
                              &run_unrecorded_output};

}  // namespace baton::checks
