// review-overdue: The workflow's last review plus its interval lies before the analysis date.
// Documentation: docs/checks/review-overdue.md
#pragma once

#include <baton/check.hpp>

namespace baton::checks {

void run_review_overdue(CheckContext& context, std::vector<Finding>& out);

inline constexpr Check review_overdue{"review-overdue", Severity::warning,
                              "The workflow's last review plus its interval lies before the analysis date.",
                              &run_review_overdue};

}  // namespace baton::checks
