#include <baton/checks/unused_team.hpp>

#include "finding_for.hpp"

namespace baton::checks {

void run_unused_team(CheckContext& context, std::vector<Finding>& out) {
  const Workflow& wf = context.workflow();
  std::vector<bool> used(wf.teams().size());
  for (const Step& s : wf.steps())
    if (s.team) used[*s.team] = true;
  for (const Transition& t : wf.transitions())
    if (t.handover && t.handover->responsible) used[t.handover->responsible->team] = true;
  if (const auto& review = wf.parts().review; review && review->owner) used[*review->owner] = true;
  report_unused(unused_team, context, "teams", wf.teams(), used, Msg::noun_team, Msg::unused_by_team, out);
}

}  // namespace baton::checks
