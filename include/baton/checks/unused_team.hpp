// unused-team: A team no step, handover or review names.
// Documentation: docs/checks/unused-team.md
#pragma once

#include <baton/check.hpp>

namespace baton::checks {

void run_unused_team(CheckContext& context, std::vector<Finding>& out);

inline constexpr Check unused_team{"unused-team", Severity::info,
                              "A team no step, handover or review names.",
                              &run_unused_team};

}  // namespace baton::checks
