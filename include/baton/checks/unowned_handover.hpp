// unowned-handover: A handover with nobody responsible for it.
// Documentation: docs/checks/unowned-handover.md
#pragma once

#include <baton/check.hpp>

namespace baton::checks {

void run_unowned_handover(CheckContext& context, std::vector<Finding>& out);

inline constexpr Check unowned_handover{"unowned-handover", Severity::error,
                              "A handover with nobody responsible for it.",
                              &run_unowned_handover};

}  // namespace baton::checks
