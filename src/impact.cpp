#include <baton/impact.hpp>

#include <baton/messages.hpp>
#include <baton/walk.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <set>
#include <stdexcept>

namespace json = boost::json;

namespace baton {

std::optional<ImpactOf> parse_impact_of(std::string_view s) {
  if (s == "source") return ImpactOf::source;
  if (s == "requirement") return ImpactOf::requirement;
  if (s == "team") return ImpactOf::team;
  if (s == "system") return ImpactOf::system;
  if (s == "template") return ImpactOf::template_;
  if (s == "artifact") return ImpactOf::artifact;
  return std::nullopt;
}

namespace {

bool cites(const std::optional<std::string>& source, std::string_view text) {
  if (!source || text.empty()) return false;
  for (auto at = source->find(text); at != std::string::npos; at = source->find(text, at + 1)) {
    const std::size_t after = at + text.size();
    if (after >= source->size() || !std::isdigit(static_cast<unsigned char>((*source)[after]))) return true;
  }
  return false;
}

template <class Item>
Index index_of(std::span<const Item> items, std::string_view id, const char* noun) {
  for (Index i = 0; i < items.size(); ++i)
    if (items[i].id == id) return i;
  throw std::invalid_argument(std::string("no ") + noun + " has the id \"" + std::string(id) + "\"");
}

void tidy(std::vector<Index>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// What follows from a set of steps: their teams, templates, the case types
// whose runs reach them, the follow-up points on them, the handovers in and out.
// The case types whose runs reach any of `steps`.
std::vector<Index> case_types_reaching(const Workflow& wf, const std::vector<Index>& steps) {
  const std::set<Index> wanted(steps.begin(), steps.end());
  std::vector<Index> out;
  for (Index c = 0; c < wf.case_types().size(); ++c)
    for (Index s : steps_in_run_order(wf, &wf.case_types()[c]))
      if (wanted.contains(s)) {
        out.push_back(c);
        break;
      }
  return out;
}

void around_steps(const Workflow& wf, Impact& out, bool case_types_from_steps) {
  tidy(out.steps);
  const std::set<Index> steps(out.steps.begin(), out.steps.end());
  for (Index s : out.steps) {
    const Step& step = wf.step(s);
    if (step.team) out.teams.push_back(*step.team);
    out.templates.insert(out.templates.end(), step.templates.begin(), step.templates.end());
  }
  if (case_types_from_steps) out.case_types = case_types_reaching(wf, out.steps);
  for (Index f = 0; f < wf.follow_up().size(); ++f)
    for (Index s : wf.follow_up()[f].steps)
      if (steps.contains(s)) out.follow_up.push_back(f);
  for (Index h = 0; h < wf.handovers().size(); ++h)
    if (steps.contains(wf.handovers()[h].from) || steps.contains(wf.handovers()[h].to)) out.handovers.push_back(h);
}

// The steps a case can pass between a response rule's first and then steps:
// their durations make up the deadline, so a new deadline concerns them too.
// Reached forward from `first` without passing a `then` step, and backward
// from `then` without passing a `first` step.
std::vector<Index> within_span(const Workflow& wf, const Rule& rule) {
  auto reach = [&](const std::vector<Index>& from, const std::vector<Index>& stops, bool forward) {
    std::vector<bool> seen(wf.steps().size(), false), stop(wf.steps().size(), false);
    for (Index s : stops) stop[s] = true;
    std::vector<Index> todo(from.begin(), from.end());
    while (!todo.empty()) {
      const Index s = todo.back();
      todo.pop_back();
      for (Index t : forward ? wf.outgoing(s) : wf.incoming(s)) {
        const Index next = forward ? wf.transition(t).to : wf.transition(t).from;
        if (seen[next] || stop[next]) continue;
        seen[next] = true;
        todo.push_back(next);
      }
    }
    return seen;
  };
  const auto after_first = reach(rule.first.steps, rule.then.steps, true);
  const auto before_then = reach(rule.then.steps, rule.first.steps, false);
  std::vector<Index> out;
  for (Index s = 0; s < wf.steps().size(); ++s)
    if (after_first[s] && before_then[s] && wf.step(s).kind != StepKind::gateway) out.push_back(s);
  return out;
}

// The steps that carry out the requirements in out.requirements.
// A requirement limited to case types concerns those; else the case types
// whose runs reach its steps.
void serving_requirements(const Workflow& wf, Impact& out) {
  for (Index r : out.requirements) {
    const std::size_t first_step = out.steps.size();
    for (Index s = 0; s < wf.steps().size(); ++s)
      if (std::ranges::count(wf.step(s).satisfies, r)) out.steps.push_back(s);
    if (const auto& rule = wf.requirements()[r].rule) {
      out.steps.insert(out.steps.end(), rule->first.steps.begin(), rule->first.steps.end());
      out.steps.insert(out.steps.end(), rule->then.steps.begin(), rule->then.steps.end());
      if (rule->type == RuleType::response && rule->within) {
        const auto span = within_span(wf, *rule);
        out.steps.insert(out.steps.end(), span.begin(), span.end());
      }
    }
    const std::vector<Index> own(out.steps.begin() + static_cast<std::ptrdiff_t>(first_step), out.steps.end());
    const auto& limited = wf.requirements()[r].case_types;
    const std::vector<Index> concerned = limited ? *limited : case_types_reaching(wf, own);
    out.case_types.insert(out.case_types.end(), concerned.begin(), concerned.end());
  }
}

}  // namespace

Impact impact_of(const Workflow& wf, ImpactOf of, std::string_view named) {
  Impact out;
  out.of = of;
  out.named = std::string(named);
  switch (of) {
    case ImpactOf::source:
      for (Index r = 0; r < wf.requirements().size(); ++r)
        if (cites(wf.requirements()[r].source, named)) out.requirements.push_back(r);
      serving_requirements(wf, out);
      for (Index f = 0; f < wf.follow_up().size(); ++f)
        if (cites(wf.follow_up()[f].source, named)) out.follow_up.push_back(f);
      break;
    case ImpactOf::requirement:
      out.requirements.push_back(index_of(wf.requirements(), named, "requirement"));
      serving_requirements(wf, out);
      break;
    case ImpactOf::team: {
      const Index t = index_of(wf.teams(), named, "team");
      for (Index s = 0; s < wf.steps().size(); ++s)
        if (wf.step(s).team == t) out.steps.push_back(s);
      for (Index h = 0; h < wf.handovers().size(); ++h) {
        const Handover* how = wf.handover_of(wf.handovers()[h]);
        if (how && how->responsible && how->responsible->team == t) out.losing_responsible.push_back(h);
      }
      for (Index f = 0; f < wf.follow_up().size(); ++f)
        if (wf.follow_up()[f].owner == t) out.follow_up.push_back(f);
      out.review = wf.parts().review && wf.parts().review->owner == t;
      break;
    }
    case ImpactOf::system: {
      const Index sys = index_of(wf.systems(), named, "system");
      for (Index s = 0; s < wf.steps().size(); ++s)
        if (wf.step(s).it && wf.step(s).it->system == sys) {
          out.steps.push_back(s);
          out.artifacts.insert(out.artifacts.end(), wf.step(s).it->records.begin(), wf.step(s).it->records.end());
        }
      for (Index t = 0; t < wf.templates().size(); ++t)
        if (wf.templates()[t].system == sys) out.templates.push_back(t);
      break;
    }
    case ImpactOf::template_: {
      const Index t = index_of(wf.templates(), named, "template");
      for (Index s = 0; s < wf.steps().size(); ++s)
        if (std::ranges::count(wf.step(s).templates, t)) out.steps.push_back(s);
      break;
    }
    case ImpactOf::artifact: {
      const Index a = index_of(wf.artifacts(), named, "artifact");
      for (Index s = 0; s < wf.steps().size(); ++s) {
        const Step& st = wf.step(s);
        const bool uses = std::ranges::count(st.reads, a) || std::ranges::count(st.writes, a) ||
                          std::ranges::any_of(st.checks, [&](const Control& c) { return c.artifact == a; }) ||
                          (st.it && std::ranges::count(st.it->records, a));
        if (uses) out.steps.push_back(s);
      }
      break;
    }
  }
  around_steps(wf, out, of != ImpactOf::source && of != ImpactOf::requirement);
  // The requirements the steps carry out, for every kind but a source or a
  // requirement (those are the requirements asked about).
  if (of != ImpactOf::source && of != ImpactOf::requirement)
    for (Index s : out.steps) out.requirements.insert(out.requirements.end(), wf.step(s).satisfies.begin(), wf.step(s).satisfies.end());
  for (auto* v : {&out.requirements, &out.teams, &out.case_types, &out.templates, &out.systems, &out.artifacts,
                  &out.follow_up, &out.handovers, &out.losing_responsible})
    tidy(*v);
  return out;
}

namespace {

std::string step_owner(const Workflow& wf, Lang lang, const Step& s) {
  if (!s.team) return say(lang, Msg::nobody);
  const std::string& team = wf.teams()[*s.team].name;
  return s.role ? say(lang, Msg::role_of_team, {{"role", *s.role}, {"team", team}}) : team;
}

std::string handover_words(const Workflow& wf, Lang lang, const HandoverPath& h) {
  const Step &from = wf.step(h.from), &to = wf.step(h.to);
  return say(lang, Msg::impact_handover, {{"from", quote(lang, from.name)}, {"from_team", step_owner(wf, lang, from)},
                                          {"to", quote(lang, to.name)}, {"to_team", step_owner(wf, lang, to)}});
}

Msg subject_title(ImpactOf of) {
  switch (of) {
    case ImpactOf::source: return Msg::impact_title_source;
    case ImpactOf::requirement: return Msg::impact_title_requirement;
    case ImpactOf::team: return Msg::impact_title_team;
    case ImpactOf::system: return Msg::impact_title_system;
    case ImpactOf::template_: return Msg::impact_title_template;
    case ImpactOf::artifact: return Msg::impact_title_artifact;
  }
  return Msg::impact_title_source;
}

// The name the thing asked about goes by: a source as written, else the
// object's name (a requirement's text).
std::string subject_name(const Workflow& wf, const Impact& i) {
  auto by_id = [&](auto items) {
    for (const auto& item : items)
      if (item.id == i.named) return std::string(item.name);
    return i.named;
  };
  switch (i.of) {
    case ImpactOf::source: return i.named;
    case ImpactOf::requirement:
      for (const Requirement& r : wf.requirements())
        if (r.id == i.named) return r.text;
      return i.named;
    case ImpactOf::team: return by_id(wf.teams());
    case ImpactOf::system: return by_id(wf.systems());
    case ImpactOf::template_: return by_id(wf.templates());
    case ImpactOf::artifact: return by_id(wf.artifacts());
  }
  return i.named;
}

struct Section {
  Msg title;
  const char* key;
  std::vector<std::pair<std::string, std::string>> items;  // id, words
};

std::vector<Section> sections(const Workflow& wf, const Impact& i, Lang lang) {
  std::vector<Section> out;
  auto add = [&](Msg title, const char* key, const std::vector<Index>& refs, auto words) {
    Section s{title, key, {}};
    for (Index r : refs) s.items.push_back(words(r));
    out.push_back(std::move(s));
  };
  add(Msg::impact_requirements, "requirements", i.requirements, [&](Index r) {
    const Requirement& q = wf.requirements()[r];
    return std::pair{q.id, quote(lang, q.text) + (q.source ? " (" + *q.source + ")" : "")};
  });
  add(Msg::impact_steps, "steps", i.steps, [&](Index s) {
    return std::pair{wf.step(s).id, quote(lang, wf.step(s).name) + " (" + step_owner(wf, lang, wf.step(s)) + ")"};
  });
  add(Msg::impact_teams, "teams", i.teams, [&](Index t) { return std::pair{wf.teams()[t].id, wf.teams()[t].name}; });
  add(Msg::impact_case_types, "case_types", i.case_types, [&](Index c) {
    return std::pair{wf.case_types()[c].id, quote(lang, wf.case_types()[c].name)};
  });
  add(Msg::impact_templates, "templates", i.templates, [&](Index t) {
    return std::pair{wf.templates()[t].id, quote(lang, wf.templates()[t].name)};
  });
  add(Msg::impact_artifacts, "artifacts", i.artifacts, [&](Index a) {
    return std::pair{wf.artifacts()[a].id, quote(lang, wf.artifacts()[a].name)};
  });
  add(Msg::impact_follow_up, "follow_up", i.follow_up, [&](Index f) {
    return std::pair{wf.follow_up()[f].id, quote(lang, wf.follow_up()[f].question)};
  });
  auto handover = [&](Index h) {
    const HandoverPath& p = wf.handovers()[h];
    return std::pair{wf.step(p.from).id + ">" + wf.step(p.to).id, handover_words(wf, lang, p)};
  };
  add(Msg::impact_handovers, "handovers", i.handovers, handover);
  if (i.of == ImpactOf::team) add(Msg::impact_losing_responsible, "losing_responsible", i.losing_responsible, handover);
  return out;
}

}  // namespace

std::string write_impact(const Workflow& wf, const Impact& impact, Lang lang, TextForm form) {
  const std::vector<Section> parts = sections(wf, impact, lang);
  if (form == TextForm::json) {
    json::object o{{"workflow", wf.id()}, {"named", impact.named}};
    for (const Section& s : parts) {
      json::array items;
      for (const auto& [id, words] : s.items) items.push_back(json::object{{"id", id}, {"text", words}});
      o[s.key] = std::move(items);
    }
    if (impact.of == ImpactOf::team) o["review"] = impact.review;
    return json::serialize(o) + "\n";
  }
  const bool md = form == TextForm::markdown;
  std::string out = std::string(md ? "# " : "") +
                    say(lang, subject_title(impact.of), {{"name", quote(lang, subject_name(wf, impact))}}) + "\n";
  if (impact.steps.empty() && impact.requirements.empty() && impact.follow_up.empty())
    return out + "\n" + say(lang, Msg::impact_nothing) + "\n";
  for (const Section& s : parts) {
    if (s.items.empty()) continue;
    out += std::string("\n") + (md ? "## " : "") + say(lang, s.title, {{"n", std::to_string(s.items.size())}}) + "\n";
    if (md) out += "\n";
    for (const auto& [id, words] : s.items) out += std::string(md ? "- " : "  - ") + words + "\n";
  }
  if (impact.review) out += "\n" + say(lang, Msg::impact_review) + "\n";
  return out;
}

}  // namespace baton
