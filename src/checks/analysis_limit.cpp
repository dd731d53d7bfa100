#include <baton/checks/analysis_limit.hpp>

#include "finding_for.hpp"

namespace baton::checks {

// Runs after every other check (phase 1) and reads what they left incomplete.
void run_analysis_limit(CheckContext& context, std::vector<Finding>& out) {
  if (context.incomplete().empty()) return;
  std::string names;
  for (const std::string& id : context.incomplete()) names += (names.empty() ? "" : ", ") + id;
  const std::string limit = context.memory_reached()
                                ? "memory budget of " + std::to_string(context.memory_limit()) + " bytes"
                                : "limit of " + std::to_string(context.state_limit()) + " states";
  out.push_back(finding_for(analysis_limit, "",
                            "The analysis stopped at the " + limit + ", so these checks are incomplete: " + names +
                                ". Raise the " + (context.memory_reached() ? "memory budget" : "state limit") +
                                " to finish them."));
}

}  // namespace baton::checks
