// duplicate-work: A step produces information again although nothing it is made from has changed, in every run.
// Documentation: docs/checks/duplicate-work.md
#pragma once

#include <baton/check.hpp>

namespace baton::checks {

void run_duplicate_work(CheckContext& context, std::vector<Finding>& out);

inline constexpr Check duplicate_work{"duplicate-work", Severity::warning,
                              "A step produces information again although nothing it is made from has changed, in every run.",
                              &run_duplicate_work};

}  // namespace baton::checks
