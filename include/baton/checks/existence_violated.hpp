// existence-violated: A complete run without a step matching the rule's steps.
// Documentation: docs/checks/existence-violated.md
#pragma once

#include <baton/check.hpp>

namespace baton::checks {

void run_existence_violated(CheckContext& context, std::vector<Finding>& out);

inline constexpr Check existence_violated{"existence-violated", Severity::error,
                              "A complete run without a step matching the rule's steps.",
                              &run_existence_violated};

}  // namespace baton::checks
