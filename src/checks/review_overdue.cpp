#include <baton/checks/review_overdue.hpp>

#include "finding_for.hpp"

namespace baton::checks {

void run_review_overdue(CheckContext& context, std::vector<Finding>& out) {
  const auto& review = context.workflow().parts().review;
  if (!review || !review->last_reviewed || !review->interval_days) return;
  // Compared as day numbers: a due date past the calendar's end is not due.
  const std::int64_t due_day = saturating_add(review->last_reviewed->days_since_epoch(), *review->interval_days);
  if (due_day >= context.today().days_since_epoch()) return;
  const Date due = Date::from_days_since_epoch(due_day);
  out.push_back(finding_for(review_overdue, "/review",
                            context.say(Msg::review_overdue, {{"last", review->last_reviewed->to_string()},
                                                              {"every", std::to_string(*review->interval_days)},
                                                              {"due", due.to_string()},
                                                              {"today", context.today().to_string()}})));
}

}  // namespace baton::checks
