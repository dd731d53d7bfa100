// analysis-limit: A state-space question was stopped at the configured limit; names the checks left incomplete.
// Documentation: docs/checks/analysis-limit.md
#pragma once

#include <baton/check.hpp>

namespace baton::checks {

void run_analysis_limit(CheckContext& context, std::vector<Finding>& out);

inline constexpr Check analysis_limit{"analysis-limit", Severity::info,
                              "A state-space question was stopped at the configured limit; names the checks left incomplete.",
                              &run_analysis_limit, 1};

}  // namespace baton::checks
