// The follow-up agenda (shared/spec/handbook.md, Follow-up): the workflow's
// follow-up points by due date, each with its question, owner, and the steps
// and teams it concerns. The follow-up-due check reports the late ones; the
// agenda is what management brings to the meeting.
#pragma once

#include <baton/lang.hpp>
#include <baton/model.hpp>

#include <optional>
#include <string>
#include <vector>

namespace baton {

enum class FollowUpStatus { overdue, never_done, due, no_interval };
std::string_view to_string(FollowUpStatus);

struct AgendaItem {
  Index point = 0;             // into Workflow::follow_up()
  FollowUpStatus status = FollowUpStatus::due;
  std::optional<Date> due;     // last done plus every_days
  std::vector<Index> teams;    // the teams of the point's steps, in the teams' order
};

// Overdue first (earliest first), then never done, then due (earliest
// first), then those without an interval; ties in file order.
std::vector<AgendaItem> follow_up_agenda(const Workflow& workflow, Date today);

// The agenda written for people (text, Markdown) or programs (JSON).
std::string write_follow_up_agenda(const Workflow& workflow, Date today, Lang lang, TextForm form);

}  // namespace baton
