#include <baton/checks/follow_up_due.hpp>

#include "finding_for.hpp"

#include <baton/messages.hpp>

namespace baton::checks {

void run_follow_up_due(CheckContext& context, std::vector<Finding>& out) {
  const Workflow& wf = context.workflow();
  for (Index i = 0; i < wf.follow_up().size(); ++i) {
    const FollowUp& point = wf.follow_up()[i];
    if (!point.every_days) continue;  // followed up when needed: nothing falls due
    const std::string every = std::to_string(*point.every_days);
    Finding f;
    if (!point.last_done) {
      // Never done is not yet late, but management should know it has no date.
      f = finding_for(follow_up_due, pointer_to("follow_up", i),
                      context.say(Msg::follow_up_never_done, {{"question", context.quote(point.question)}, {"every", every}}));
      f.severity = Severity::info;
    } else {
      const Date due = *point.due();
      if (!(due < context.today())) continue;
      f = finding_for(follow_up_due, pointer_to("follow_up", i),
                      context.say(Msg::follow_up_overdue, {{"question", context.quote(point.question)},
                                                           {"last_done", point.last_done->to_string()},
                                                           {"every", every},
                                                           {"due", due.to_string()},
                                                           {"today", context.today().to_string()}}));
    }
    for (Index s : point.steps) f.steps.push_back(wf.step(s).id);
    out.push_back(std::move(f));
  }
}

}  // namespace baton::checks
