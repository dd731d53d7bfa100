#include <baton/checks/analysis_limit.hpp>

#include "finding_for.hpp"

namespace baton::checks {

// Runs after every other check (phase 1) and reads what they left incomplete.
void run_analysis_limit(CheckContext& context, std::vector<Finding>& out) {
  if (context.incomplete().empty()) return;
  std::string names;
  for (const std::string& id : context.incomplete()) names += (names.empty() ? "" : ", ") + id;
  out.push_back(finding_for(analysis_limit, "",
                            context.say(Msg::analysis_limit, {{"limit", std::to_string(context.state_limit())}, {"checks", names}})));
}

}  // namespace baton::checks
