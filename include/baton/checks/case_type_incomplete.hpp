// case-type-incomplete: A case type that has no complete run.
// Documentation: docs/checks/case-type-incomplete.md
#pragma once

#include <baton/check.hpp>

namespace baton::checks {

void run_case_type_incomplete(CheckContext& context, std::vector<Finding>& out);

inline constexpr Check case_type_incomplete{"case-type-incomplete", Severity::error,
                              "A case type that has no complete run.",
                              &run_case_type_incomplete};

}  // namespace baton::checks
