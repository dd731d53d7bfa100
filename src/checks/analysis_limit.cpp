#include <baton/checks/analysis_limit.hpp>

#include "finding_for.hpp"

namespace baton::checks {

// Runs after every other check (phase 1) and reads what they left incomplete.
void run_analysis_limit(CheckContext& context, std::vector<Finding>& out) {
  if (context.incomplete().empty()) return;
  std::string names;
  for (const std::string& id : context.incomplete()) names += (names.empty() ? "" : ", ") + id;
  // The memory budget, when that is what stopped an exploration, else the state limit.
  const bool memory = context.memory_reached();
  const std::string limit = std::to_string(memory ? context.memory_limit() : context.state_limit());
  out.push_back(finding_for(analysis_limit, "",
                            context.say(memory ? Msg::analysis_memory_limit : Msg::analysis_limit,
                                        {{"limit", limit}, {"checks", names}})));
}

}  // namespace baton::checks
