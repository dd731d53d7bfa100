#include <baton/followup.hpp>

#include <baton/messages.hpp>

#include <boost/json.hpp>

#include <algorithm>

namespace json = boost::json;

namespace baton {

std::string_view to_string(FollowUpStatus s) {
  switch (s) {
    case FollowUpStatus::overdue: return "overdue";
    case FollowUpStatus::never_done: return "never-done";
    case FollowUpStatus::due: return "due";
    case FollowUpStatus::no_interval: return "no-interval";
  }
  return "due";
}

std::vector<AgendaItem> follow_up_agenda(const Workflow& wf, Date today) {
  std::vector<AgendaItem> items;
  for (Index i = 0; i < wf.follow_up().size(); ++i) {
    const FollowUp& p = wf.follow_up()[i];
    AgendaItem item{i, FollowUpStatus::due, p.due(), {}};
    if (!p.every_days) item.status = FollowUpStatus::no_interval;
    else if (!p.last_done) item.status = FollowUpStatus::never_done;
    else if (*item.due < today) item.status = FollowUpStatus::overdue;  // as follow-up-due judges
    std::vector<bool> concerned(wf.teams().size(), false);
    for (Index s : p.steps)
      if (wf.step(s).team) concerned[*wf.step(s).team] = true;
    for (Index t = 0; t < concerned.size(); ++t)
      if (concerned[t]) item.teams.push_back(t);
    items.push_back(std::move(item));
  }
  std::stable_sort(items.begin(), items.end(), [](const AgendaItem& a, const AgendaItem& b) {
    if (a.status != b.status) return a.status < b.status;
    return a.due && b.due && *a.due < *b.due;
  });
  return items;
}

namespace {

std::string heading(Lang lang, const AgendaItem& item) {
  switch (item.status) {
    case FollowUpStatus::overdue: return say(lang, Msg::agenda_due_overdue, {{"due", item.due->to_string()}});
    case FollowUpStatus::never_done: return say(lang, Msg::agenda_never_done);
    case FollowUpStatus::due: return say(lang, Msg::agenda_due_on, {{"due", item.due->to_string()}});
    case FollowUpStatus::no_interval: return say(lang, Msg::agenda_no_interval);
  }
  return {};
}

// The lines under a point's heading: when, who, where from, which steps and teams.
std::vector<std::string> details(const Workflow& wf, Lang lang, const AgendaItem& item) {
  const FollowUp& p = wf.follow_up()[item.point];
  std::vector<std::string> out;
  if (p.last_done) out.push_back(say(lang, Msg::agenda_last_done, {{"date", p.last_done->to_string()}}));
  if (p.every_days) out.push_back(say(lang, Msg::agenda_every, {{"every", std::to_string(*p.every_days)}}));
  out.push_back(say(lang, Msg::agenda_owner,
                    {{"team", p.owner ? wf.teams()[*p.owner].name : say(lang, Msg::none_given)}}));
  if (p.source) out.push_back(say(lang, Msg::agenda_source, {{"source", *p.source}}));
  std::vector<std::string> steps, teams;
  for (Index s : p.steps) steps.push_back(quote(lang, wf.step(s).name));
  for (Index t : item.teams) teams.push_back(wf.teams()[t].name);
  if (!steps.empty()) out.push_back(say(lang, Msg::agenda_steps, {{"steps", join_words(lang, steps)}}));
  if (!teams.empty()) out.push_back(say(lang, Msg::agenda_teams, {{"teams", join_words(lang, teams)}}));
  return out;
}

std::string agenda_json(const Workflow& wf, Date today, const std::vector<AgendaItem>& items) {
  json::array points;
  for (const AgendaItem& item : items) {
    const FollowUp& p = wf.follow_up()[item.point];
    json::object o{{"id", p.id}, {"question", p.question}, {"status", to_string(item.status)}};
    if (item.due) o["due"] = item.due->to_string();
    if (p.last_done) o["last_done"] = p.last_done->to_string();
    if (p.every_days) o["every_days"] = *p.every_days;
    if (p.owner) o["owner"] = json::object{{"id", wf.teams()[*p.owner].id}, {"name", wf.teams()[*p.owner].name}};
    if (p.source) o["source"] = *p.source;
    json::array steps, teams;
    for (Index s : p.steps) steps.push_back(json::object{{"id", wf.step(s).id}, {"name", wf.step(s).name}});
    for (Index t : item.teams) teams.push_back(json::object{{"id", wf.teams()[t].id}, {"name", wf.teams()[t].name}});
    o["steps"] = std::move(steps);
    o["teams"] = std::move(teams);
    points.push_back(std::move(o));
  }
  return json::serialize(json::object{{"workflow", wf.id()}, {"today", today.to_string()}, {"points", std::move(points)}});
}

}  // namespace

std::string write_follow_up_agenda(const Workflow& wf, Date today, Lang lang, TextForm form) {
  const std::vector<AgendaItem> items = follow_up_agenda(wf, today);
  if (form == TextForm::json) return agenda_json(wf, today, items) + "\n";
  const bool md = form == TextForm::markdown;
  std::string out = (md ? "# " : "") + say(lang, Msg::agenda_title, {{"workflow", wf.name()}}) + "\n\n" +
                    say(lang, Msg::agenda_as_of, {{"today", today.to_string()}}) + "\n";
  if (items.empty()) return out + "\n" + say(lang, Msg::agenda_empty) + "\n";
  for (std::size_t n = 0; n < items.size(); ++n) {
    const FollowUp& p = wf.follow_up()[items[n].point];
    out += "\n" + (md ? "## " : std::to_string(n + 1) + ". ") + heading(lang, items[n]) + ": " + p.question + "\n";
    if (md) out += "\n";
    for (const std::string& line : details(wf, lang, items[n])) out += (md ? "- " : "   ") + line + "\n";
  }
  return out;
}

}  // namespace baton
