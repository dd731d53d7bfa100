// response-violated: A complete run in which a first step is not followed by a then step.
// Documentation: docs/checks/response-violated.md
#pragma once

#include <baton/check.hpp>

namespace baton::checks {

void run_response_violated(CheckContext& context, std::vector<Finding>& out);

inline constexpr Check response_violated{"response-violated", Severity::error,
                              "A complete run in which a first step is not followed by a then step.",
                              &run_response_violated};

}  // namespace baton::checks
