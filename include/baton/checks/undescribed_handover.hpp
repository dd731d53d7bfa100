// undescribed-handover: A handover with no description of how it happens.
// Documentation: docs/checks/undescribed-handover.md
#pragma once

#include <baton/check.hpp>

namespace baton::checks {

void run_undescribed_handover(CheckContext& context, std::vector<Finding>& out);

inline constexpr Check undescribed_handover{"undescribed-handover", Severity::warning,
                              "A handover with no description of how it happens.",
                              &run_undescribed_handover};

}  // namespace baton::checks
