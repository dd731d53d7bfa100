// unused-artifact: An artifact no step reads, writes, checks or records.
// Documentation: docs/checks/unused-artifact.md
#pragma once

#include <baton/check.hpp>

namespace baton::checks {

void run_unused_artifact(CheckContext& context, std::vector<Finding>& out);

inline constexpr Check unused_artifact{"unused-artifact", Severity::info,
                              "An artifact no step reads, writes, checks or records.",
                              &run_unused_artifact};

}  // namespace baton::checks
