// follow-up-due: A follow-up point's last follow-up plus its interval lies before the analysis date.
// Documentation: docs/checks/follow-up-due.md
#pragma once

#include <baton/check.hpp>

namespace baton::checks {

void run_follow_up_due(CheckContext& context, std::vector<Finding>& out);

inline constexpr Check follow_up_due{"follow-up-due", Severity::warning,
                                     "A follow-up point's last follow-up plus its interval lies before the analysis date.",
                                     &run_follow_up_due};

}  // namespace baton::checks
