// requirement-unmapped: A requirement with no rule that no step satisfies: nothing in the workflow carries it out.
// Documentation: docs/checks/requirement-unmapped.md
#pragma once

#include <baton/check.hpp>

namespace baton::checks {

void run_requirement_unmapped(CheckContext& context, std::vector<Finding>& out);

inline constexpr Check requirement_unmapped{"requirement-unmapped", Severity::warning,
                              "A requirement with no rule that no step satisfies: nothing in the workflow carries it out.",
                              &run_requirement_unmapped};

}  // namespace baton::checks
