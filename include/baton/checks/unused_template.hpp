// unused-template: A template no step uses.
// Documentation: docs/checks/unused-template.md
#pragma once

#include <baton/check.hpp>

namespace baton::checks {

void run_unused_template(CheckContext& context, std::vector<Finding>& out);

inline constexpr Check unused_template{"unused-template", Severity::info,
                              "A template no step uses.",
                              &run_unused_template};

}  // namespace baton::checks
