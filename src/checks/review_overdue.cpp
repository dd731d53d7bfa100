#include <baton/checks/review_overdue.hpp>

#include "finding_for.hpp"

namespace baton::checks {

void run_review_overdue(CheckContext& context, std::vector<Finding>& out) {
  const auto& review = context.workflow().parts().review;
  if (!review || !review->last_reviewed || !review->interval_days) return;
  const Date due = review->last_reviewed->plus_days(*review->interval_days);
  if (!(due < context.today())) return;
  out.push_back(finding_for(review_overdue, "/review",
                            context.say(Msg::review_overdue, {{"last", review->last_reviewed->to_string()},
                                                              {"every", std::to_string(*review->interval_days)},
                                                              {"due", due.to_string()},
                                                              {"today", context.today().to_string()}})));
}

}  // namespace baton::checks
