// control-without-rejection: A control step with at most one outgoing transition: no outcome of the check changes what happens next.
// Documentation: docs/checks/control-without-rejection.md
#pragma once

#include <baton/check.hpp>

namespace baton::checks {

void run_control_without_rejection(CheckContext& context, std::vector<Finding>& out);

inline constexpr Check control_without_rejection{"control-without-rejection", Severity::info,
                              "A control step with at most one outgoing transition: no outcome of the check changes what happens next.",
                              &run_control_without_rejection};

}  // namespace baton::checks
