// precedence-violated: A run in which a then step occurs with no first step before it.
// Documentation: docs/checks/precedence-violated.md
#pragma once

#include <baton/check.hpp>

namespace baton::checks {

void run_precedence_violated(CheckContext& context, std::vector<Finding>& out);

inline constexpr Check precedence_violated{"precedence-violated", Severity::error,
                              "A run in which a then step occurs with no first step before it.",
                              &run_precedence_violated};

}  // namespace baton::checks
