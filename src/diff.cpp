// The diff: each kind of object matched by id between the two versions, each
// difference said once, as a sentence, in the chosen language.
#include <baton/diff.hpp>

#include <baton/messages.hpp>
#include <baton/output.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

namespace json = boost::json;

namespace baton {
namespace {

// The items of one list, by id.
template <class Item>
std::map<std::string_view, const Item*> by_id(std::span<const Item> items) {
  std::map<std::string_view, const Item*> out;
  for (const Item& i : items) out.emplace(i.id, &i);
  return out;
}

// Added, removed and kept ids of one kind of object, in the order of the
// version they belong to (removed: old's order, added and kept: new's).
template <class Item>
struct Matched {
  std::vector<const Item*> removed, added;
  std::vector<std::pair<const Item*, const Item*>> kept;  // old, new
};
template <class Item>
Matched<Item> match(std::span<const Item> old_items, std::span<const Item> new_items) {
  Matched<Item> m;
  const auto olds = by_id(old_items), news = by_id(new_items);
  for (const Item& o : old_items)
    if (!news.contains(o.id)) m.removed.push_back(&o);
  for (const Item& n : new_items) {
    auto o = olds.find(n.id);
    if (o == olds.end()) m.added.push_back(&n);
    else m.kept.push_back({o->second, &n});
  }
  return m;
}

// How a list item is named to people: a requirement by its text.
template <class Item>
const std::string& label(const Item& item) { return item.name; }
inline const std::string& label(const Requirement& r) { return r.text; }

class Differ {
 public:
  Differ(const Workflow& a, const Workflow& b, Lang lang, std::optional<std::string> team)
      : a_(a), b_(b), lang_(lang), team_(std::move(team)) {}

  std::vector<Change> run() {
    workflow_itself();
    teams();
    named_lists();
    steps();
    transitions();
    handovers();
    requirements();
    case_types();
    follow_up();
    if (team_) std::erase_if(out_, [&](const Change& c) { return !std::ranges::count(c.teams, *team_); });
    return std::move(out_);
  }

 private:
  std::string q(std::string_view name) const { return quote(lang_, name); }
  std::string say(Msg id, std::initializer_list<MessageArg> args = {}) const { return baton::say(lang_, id, args); }
  void add(std::string kind, std::string id, std::string text, std::vector<std::string> teams = {}) {
    std::sort(teams.begin(), teams.end());
    teams.erase(std::unique(teams.begin(), teams.end()), teams.end());
    out_.push_back({std::move(kind), std::move(id), std::move(text), std::move(teams)});
  }
  bool mine(const std::string& team_id) const { return team_ && *team_ == team_id; }

  static std::string team_id(const Workflow& w, std::optional<Index> t) { return t ? w.teams()[*t].id : ""; }
  std::string owner(const Workflow& w, const Step& s) const {
    if (!s.team) return say(Msg::nobody);
    const std::string& team = w.teams()[*s.team].name;
    return s.role ? say(Msg::role_of_team, {{"role", *s.role}, {"team", team}}) : team;
  }
  // How a handover names its two sides: by team between teams, by role
  // within one team.
  std::string side(const Workflow& w, const HandoverPath& h, const Step& s) const {
    return h.kind == HandoverKind::team ? w.teams()[*s.team].name : owner(w, s);
  }
  std::string or_none(const std::optional<std::string>& v) const { return v ? *v : say(Msg::none_given); }
  // Names of the items of `list` at `refs`, quoted and joined.
  template <class Item>
  std::string names(std::span<const Item> list, const std::vector<Index>& refs) const {
    std::vector<std::string> out;
    for (Index i : refs) out.push_back(q(label(list[i])));
    return join_words(lang_, out);
  }
  // The refs of `a_list` at `a_refs` that `b` lacks, matched by id.
  template <class Item>
  static std::vector<Index> missing_in(std::span<const Item> a_list, const std::vector<Index>& a_refs,
                                       std::span<const Item> b_list, const std::vector<Index>& b_refs) {
    std::set<std::string_view> there;
    for (Index i : b_refs) there.insert(b_list[i].id);
    std::vector<Index> out;
    for (Index i : a_refs)
      if (!there.contains(a_list[i].id)) out.push_back(i);
    return out;
  }
  std::vector<std::string> teams_of(const Step* old_step, const Step* new_step) const {
    std::vector<std::string> t;
    if (old_step && old_step->team) t.push_back(team_id(a_, old_step->team));
    if (new_step && new_step->team) t.push_back(team_id(b_, new_step->team));
    return t;
  }

  void workflow_itself() {
    if (a_.name() != b_.name()) add("workflow-name", b_.id(), say(Msg::diff_workflow_name, {{"old", q(a_.name())}, {"new", q(b_.name())}}));
    const auto &pa = a_.parts(), &pb = b_.parts();
    if (pa.version != pb.version)
      add("workflow-version", b_.id(), say(Msg::diff_workflow_version, {{"old", or_none(pa.version)}, {"new", or_none(pb.version)}}));
    if (pa.description != pb.description)
      add("workflow-description", b_.id(), say(Msg::diff_workflow_description, {{"new", or_none(pb.description)}}));
  }

  void teams() {
    auto m = match(a_.teams(), b_.teams());
    for (const Team* t : m.removed) add("team-removed", t->id, say(Msg::diff_team_removed, {{"team", t->name}}), {t->id});
    for (const Team* t : m.added) add("team-added", t->id, say(Msg::diff_team_added, {{"team", t->name}}), {t->id});
    for (auto [o, n] : m.kept) {
      if (o->name != n->name) add("team-renamed", n->id, say(Msg::diff_team_renamed, {{"old", o->name}, {"new", n->name}}), {n->id});
      if (o->roles != n->roles) {
        std::vector<std::string> roles = n->roles;
        add("team-roles", n->id, say(Msg::diff_team_roles, {{"team", n->name}, {"roles", roles.empty() ? say(Msg::none_given) : join_words(lang_, roles)}}), {n->id});
      }
    }
  }

  // Systems, templates and artifacts: added, removed, renamed.
  template <class Item>
  void named_list(std::span<const Item> a, std::span<const Item> b, const char* noun, Msg added, Msg removed, Msg renamed) {
    auto m = match(a, b);
    for (const Item* i : m.removed) add(std::string(noun) + "-removed", i->id, say(removed, {{"name", q(i->name)}}));
    for (const Item* i : m.added) add(std::string(noun) + "-added", i->id, say(added, {{"name", q(i->name)}}));
    for (auto [o, n] : m.kept)
      if (o->name != n->name) add(std::string(noun) + "-renamed", n->id, say(renamed, {{"old", q(o->name)}, {"new", q(n->name)}}));
  }
  void named_lists() {
    named_list(a_.systems(), b_.systems(), "system", Msg::diff_system_added, Msg::diff_system_removed, Msg::diff_system_renamed);
    named_list(a_.templates(), b_.templates(), "template", Msg::diff_template_added, Msg::diff_template_removed, Msg::diff_template_renamed);
    named_list(a_.artifacts(), b_.artifacts(), "artifact", Msg::diff_artifact_added, Msg::diff_artifact_removed, Msg::diff_artifact_renamed);
  }

  std::string it_words(const Workflow& w, const std::optional<ItSupport>& it) const {
    if (!it) return say(Msg::none_given);
    std::string s = it->system ? w.systems()[*it->system].name : say(Msg::none_given);
    if (it->function) s += ": " + *it->function;
    return s;
  }

  // One of a step's lists of references: what is new in it, what is gone.
  template <class Item>
  void ref_change(const Step& o, const Step& n, std::span<const Item> a_list, const std::vector<Index>& a_refs,
                  std::span<const Item> b_list, const std::vector<Index>& b_refs, const char* kind, Msg more, Msg fewer) {
    const auto gained = missing_in(b_list, b_refs, a_list, a_refs), lost = missing_in(a_list, a_refs, b_list, b_refs);
    if (!gained.empty())
      add(std::string("step-") + kind + "-added", n.id, say(more, {{"step", q(n.name)}, {"items", names(b_list, gained)}}), teams_of(&o, &n));
    if (!lost.empty())
      add(std::string("step-") + kind + "-removed", n.id, say(fewer, {{"step", q(n.name)}, {"items", names(a_list, lost)}}), teams_of(&o, &n));
  }

  static std::vector<Index> checked(const Step& s) {
    std::vector<Index> out;
    for (const Control& c : s.checks) out.push_back(c.artifact);
    return out;
  }
  static std::vector<Index> recorded(const Step& s) { return s.it ? s.it->records : std::vector<Index>{}; }

  void steps() {
    auto m = match(a_.steps(), b_.steps());
    for (const Step* s : m.removed) {
      if (!s->is_work()) continue;
      const bool own = s->team && mine(team_id(a_, s->team));
      add("step-removed", s->id, own ? say(Msg::diff_you_no_longer_do, {{"step", q(s->name)}})
                                     : say(Msg::diff_step_removed, {{"step", q(s->name)}, {"owner", owner(a_, *s)}}),
          teams_of(s, nullptr));
    }
    for (const Step* s : m.added) {
      if (!s->is_work()) continue;
      const bool own = s->team && mine(team_id(b_, s->team));
      add("step-added", s->id, own ? say(Msg::diff_you_now_do, {{"step", q(s->name)}})
                                   : say(Msg::diff_step_added, {{"step", q(s->name)}, {"owner", owner(b_, *s)}}),
          teams_of(nullptr, s));
    }
    for (auto [o, n] : m.kept) step_changes(*o, *n);
  }

  void step_changes(const Step& o, const Step& n) {
    const auto teams = teams_of(&o, &n);
    const std::string step = q(n.name);
    if (o.name != n.name) add("step-renamed", n.id, say(Msg::diff_step_renamed, {{"old", q(o.name)}, {"new", step}}), teams);
    const std::string was = team_id(a_, o.team), is = team_id(b_, n.team);
    if (was != is || o.role != n.role) {
      Msg id = Msg::diff_step_owner;
      if (team_ && was != is && mine(is)) id = Msg::diff_you_now_do_from;
      if (team_ && was != is && mine(was)) id = Msg::diff_you_no_longer_do_to;
      add(was != is ? "step-team" : "step-role", n.id, say(id, {{"step", step}, {"old", owner(a_, o)}, {"new", owner(b_, n)}}), teams);
    }
    if (o.kind != n.kind)
      add("step-kind", n.id, say(Msg::diff_step_kind, {{"step", step}, {"old", std::string(to_string(o.kind))}, {"new", std::string(to_string(n.kind))}}), teams);
    if (o.description != n.description)
      add("step-description", n.id, say(Msg::diff_step_description, {{"step", step}, {"new", or_none(n.description)}}), teams);
    auto system_id = [](const Workflow& w, const std::optional<ItSupport>& it) {
      return it && it->system ? w.systems()[*it->system].id : std::string();
    };
    const bool it_moved = !o.it != !n.it || system_id(a_, o.it) != system_id(b_, n.it) ||
                          (o.it && n.it && o.it->function != n.it->function);
    if (it_moved)
      add("step-it", n.id, say(Msg::diff_step_it, {{"step", step}, {"old", it_words(a_, o.it)}, {"new", it_words(b_, n.it)}}), teams);
    ref_change(o, n, a_.artifacts(), recorded(o), b_.artifacts(), recorded(n), "records", Msg::diff_step_records_added, Msg::diff_step_records_removed);
    ref_change(o, n, a_.templates(), o.templates, b_.templates(), n.templates, "templates", Msg::diff_step_templates_added, Msg::diff_step_templates_removed);
    ref_change(o, n, a_.requirements(), o.satisfies, b_.requirements(), n.satisfies, "satisfies", Msg::diff_step_satisfies_added, Msg::diff_step_satisfies_removed);
    ref_change(o, n, a_.artifacts(), o.reads, b_.artifacts(), n.reads, "reads", Msg::diff_step_reads_added, Msg::diff_step_reads_removed);
    ref_change(o, n, a_.artifacts(), o.writes, b_.artifacts(), n.writes, "writes", Msg::diff_step_writes_added, Msg::diff_step_writes_removed);
    ref_change(o, n, a_.artifacts(), checked(o), b_.artifacts(), checked(n), "checks", Msg::diff_step_checks_added, Msg::diff_step_checks_removed);
    if (o.duration != n.duration) {
      if (o.duration && n.duration)
        add("step-duration", n.id, say(Msg::diff_step_duration, {{"step", step}, {"old", describe_duration(*o.duration, lang_)}, {"new", describe_duration(*n.duration, lang_)}}), teams);
      else if (n.duration)
        add("step-duration", n.id, say(Msg::diff_step_duration_set, {{"step", step}, {"new", describe_duration(*n.duration, lang_)}}), teams);
      else
        add("step-duration", n.id, say(Msg::diff_step_duration_dropped, {{"step", step}, {"old", describe_duration(*o.duration, lang_)}}), teams);
    }
  }

  static std::string edge_key(const Workflow& w, Index from, Index to) { return w.step(from).id + ">" + w.step(to).id; }

  void transitions() {
    std::map<std::string, Index> olds, news;
    for (Index t = 0; t < a_.transitions().size(); ++t) olds[edge_key(a_, a_.transition(t).from, a_.transition(t).to)] = t;
    for (Index t = 0; t < b_.transitions().size(); ++t) news[edge_key(b_, b_.transition(t).from, b_.transition(t).to)] = t;
    auto words = [&](const Workflow& w, Index t) -> std::pair<std::string, std::string> {
      return {q(w.step(w.transition(t).from).name), q(w.step(w.transition(t).to).name)};
    };
    auto teams = [&](const Workflow& w, Index t) {
      std::vector<std::string> out;
      for (Index s : {w.transition(t).from, w.transition(t).to})
        if (w.step(s).team) out.push_back(team_id(w, w.step(s).team));
      return out;
    };
    for (const auto& [key, t] : olds)
      if (!news.contains(key)) {
        auto [from, to] = words(a_, t);
        add("transition-removed", key, say(Msg::diff_transition_removed, {{"from", from}, {"to", to}}), teams(a_, t));
      }
    for (Index t = 0; t < b_.transitions().size(); ++t) {
      const std::string key = edge_key(b_, b_.transition(t).from, b_.transition(t).to);
      auto [from, to] = words(b_, t);
      auto old = olds.find(key);
      if (old == olds.end()) {
        add("transition-added", key, say(Msg::diff_transition_added, {{"from", from}, {"to", to}}), teams(b_, t));
      } else if (a_.transition(old->second).label != b_.transition(t).label) {
        add("transition-label", key, say(Msg::diff_transition_label, {{"from", from}, {"to", to}, {"old", or_none(a_.transition(old->second).label)}, {"new", or_none(b_.transition(t).label)}}), teams(b_, t));
      }
    }
  }

  std::string responsible_words(const Workflow& w, const Handover* h) const {
    if (!h || !h->responsible) return say(Msg::nobody);
    const std::string& team = w.teams()[h->responsible->team].name;
    return h->responsible->role ? say(Msg::role_of_team, {{"role", *h->responsible->role}, {"team", team}}) : team;
  }
  // Said mid-sentence, so a text's own full stop is left to the sentence.
  std::string how_words(const Handover* h) const {
    if (!h || !h->how) return say(Msg::none_given);
    std::string how = *h->how;
    while (!how.empty() && (how.back() == '.' || how.back() == ' ')) how.pop_back();
    return how;
  }

  void handovers() {
    auto key = [](const Workflow& w, const HandoverPath& h) { return edge_key(w, h.from, h.to); };
    std::map<std::string, const HandoverPath*> olds;
    for (const HandoverPath& h : a_.handovers()) olds[key(a_, h)] = &h;
    std::set<std::string> kept;
    for (const HandoverPath& h : b_.handovers()) {
      const std::string k = key(b_, h);
      auto old = olds.find(k);
      if (old == olds.end()) handover_change(b_, h, k, true);
      else {
        kept.insert(k);
        handover_changed(*old->second, h, k);
      }
    }
    for (const HandoverPath& h : a_.handovers())
      if (!kept.contains(key(a_, h))) handover_change(a_, h, key(a_, h), false);
  }

  // A handover that only one version has: from the team's side where one is told.
  void handover_change(const Workflow& w, const HandoverPath& h, const std::string& k, bool added) {
    const Step &from = w.step(h.from), &to = w.step(h.to);
    const std::string from_team = team_id(w, from.team), to_team = team_id(w, to.team);
    const Handover* how = w.handover_of(h);
    const std::string from_name = q(from.name), to_name = q(to.name), from_side = side(w, h, from),
                      to_side = side(w, h, to), how_said = how_words(how), responsible = responsible_words(w, how);
    const std::initializer_list<MessageArg> args = {{"from", from_name},     {"to", to_name},
                                                    {"from_team", from_side}, {"to_team", to_side},
                                                    {"how", how_said},       {"responsible", responsible}};
    Msg id = added ? Msg::diff_handover_added : Msg::diff_handover_removed;
    if (mine(to_team)) id = added ? Msg::diff_you_now_receive : Msg::diff_you_no_longer_receive;
    else if (mine(from_team)) id = added ? Msg::diff_you_now_hand_on : Msg::diff_you_no_longer_hand_on;
    add(added ? "handover-added" : "handover-removed", k, say(id, args), {from_team, to_team});
  }

  void handover_changed(const HandoverPath& o, const HandoverPath& n, const std::string& k) {
    const Handover *ho = a_.handover_of(o), *hn = b_.handover_of(n);
    const Step &from = b_.step(n.from), &to = b_.step(n.to);
    const std::string from_team = team_id(b_, from.team), to_team = team_id(b_, to.team);
    const std::string old_how = how_words(ho), new_how = how_words(hn);
    const std::string from_name = q(from.name), to_name = q(to.name), from_side = side(b_, n, from),
                      to_side = side(b_, n, to);
    const std::initializer_list<MessageArg> args = {{"from", from_name},     {"to", to_name},
                                                    {"from_team", from_side}, {"to_team", to_side},
                                                    {"old", old_how},         {"new", new_how}};
    if (old_how != new_how) {
      Msg id = mine(to_team) ? Msg::diff_you_receive_how : mine(from_team) ? Msg::diff_you_hand_on_how : Msg::diff_handover_how;
      add("handover-how", k, say(id, args), {from_team, to_team});
    }
    const std::string old_resp = responsible_words(a_, ho), new_resp = responsible_words(b_, hn);
    if (old_resp != new_resp)
      add("handover-responsible", k, say(Msg::diff_handover_responsible, {{"from", q(from.name)}, {"to", q(to.name)}, {"old", old_resp}, {"new", new_resp}}), {from_team, to_team});
  }

  // The teams whose steps carry out a requirement (satisfy it or match its rule).
  std::vector<std::string> requirement_teams(const Workflow& w, const Requirement& r) const {
    std::vector<std::string> out;
    const Index ri = static_cast<Index>(&r - w.requirements().data());
    auto add_step = [&](Index s) { if (w.step(s).team) out.push_back(team_id(w, w.step(s).team)); };
    for (Index s = 0; s < w.steps().size(); ++s)
      if (std::ranges::count(w.step(s).satisfies, ri)) add_step(s);
    if (r.rule) {
      for (Index s : r.rule->first.steps) add_step(s);
      for (Index s : r.rule->then.steps) add_step(s);
    }
    return out;
  }

  void requirements() {
    auto m = match(a_.requirements(), b_.requirements());
    for (const Requirement* r : m.removed) add("requirement-removed", r->id, say(Msg::diff_requirement_removed, {{"requirement", q(r->text)}}), requirement_teams(a_, *r));
    for (const Requirement* r : m.added) add("requirement-added", r->id, say(Msg::diff_requirement_added, {{"requirement", q(r->text)}, {"source", or_none(r->source)}}), requirement_teams(b_, *r));
    for (auto [o, n] : m.kept) {
      auto teams = requirement_teams(a_, *o);
      for (auto& t : requirement_teams(b_, *n)) teams.push_back(t);
      const std::string req = q(n->text);
      if (o->text != n->text) add("requirement-text", n->id, say(Msg::diff_requirement_text, {{"old", q(o->text)}, {"new", req}}), teams);
      if (o->source != n->source) add("requirement-source", n->id, say(Msg::diff_requirement_source, {{"requirement", req}, {"old", or_none(o->source)}, {"new", or_none(n->source)}}), teams);
      const auto within = [](const Requirement& r) { return r.rule ? r.rule->within : std::nullopt; };
      auto selectors = [](const Requirement& r) {
        return r.rule ? std::string(to_string(r.rule->type)) + "|" + r.rule->first.text + "|" + r.rule->then.text : std::string();
      };
      if (within(*o) != within(*n)) {
        auto words = [&](const std::optional<Duration>& d) { return d ? describe_duration(*d, lang_) : say(Msg::none_given); };
        add("requirement-deadline", n->id, say(Msg::diff_requirement_deadline, {{"requirement", req}, {"old", words(within(*o))}, {"new", words(within(*n))}}), teams);
      }
      if (selectors(*o) != selectors(*n)) add("requirement-rule", n->id, say(Msg::diff_requirement_rule, {{"requirement", req}}), teams);
      auto case_type_ids = [](const Workflow& w, const Requirement& r) {
        std::vector<std::string> out;
        if (r.case_types) for (Index c : *r.case_types) out.push_back(w.case_types()[c].id);
        return out;
      };
      if (case_type_ids(a_, *o) != case_type_ids(b_, *n)) {
        std::vector<std::string> names_now;
        if (n->case_types) for (Index c : *n->case_types) names_now.push_back(q(b_.case_types()[c].name));
        add("requirement-case-types", n->id, say(Msg::diff_requirement_case_types, {{"requirement", req}, {"case_types", names_now.empty() ? say(Msg::diff_every_case) : join_words(lang_, names_now)}}), teams);
      }
    }
  }

  void case_types() {
    auto m = match(a_.case_types(), b_.case_types());
    for (const CaseType* c : m.removed) add("case-type-removed", c->id, say(Msg::diff_case_type_removed, {{"case_type", q(c->name)}}));
    for (const CaseType* c : m.added) add("case-type-added", c->id, say(Msg::diff_case_type_added, {{"case_type", q(c->name)}}));
    for (auto [o, n] : m.kept) {
      if (o->name != n->name) add("case-type-renamed", n->id, say(Msg::diff_case_type_renamed, {{"old", q(o->name)}, {"new", q(n->name)}}));
      if (o->description != n->description) add("case-type-description", n->id, say(Msg::diff_case_type_description, {{"case_type", q(n->name)}, {"new", or_none(n->description)}}));
      auto choices = [](const Workflow& w, const CaseType& c) {
        std::vector<std::string> out;
        for (const Choice& ch : c.choices) out.push_back(w.step(ch.step).id + "=" + w.step(w.transition(ch.transition).to).id);
        std::sort(out.begin(), out.end());
        return out;
      };
      if (choices(a_, *o) != choices(b_, *n)) add("case-type-choices", n->id, say(Msg::diff_case_type_choices, {{"case_type", q(n->name)}}));
    }
  }

  void follow_up() {
    auto m = match(a_.follow_up(), b_.follow_up());
    auto teams = [&](const Workflow& w, const FollowUp& f) {
      std::vector<std::string> out;
      if (f.owner) out.push_back(w.teams()[*f.owner].id);
      for (Index s : f.steps) if (w.step(s).team) out.push_back(team_id(w, w.step(s).team));
      return out;
    };
    for (const FollowUp* f : m.removed) add("follow-up-removed", f->id, say(Msg::diff_follow_up_removed, {{"question", q(f->question)}}), teams(a_, *f));
    for (const FollowUp* f : m.added) add("follow-up-added", f->id, say(Msg::diff_follow_up_added, {{"question", q(f->question)}}), teams(b_, *f));
    for (auto [o, n] : m.kept) {
      auto t = teams(a_, *o);
      for (auto& x : teams(b_, *n)) t.push_back(x);
      const std::string question = q(n->question);
      if (o->question != n->question) add("follow-up-question", n->id, say(Msg::diff_follow_up_question, {{"old", q(o->question)}, {"new", question}}), t);
      if (!missing_in(a_.steps(), o->steps, b_.steps(), n->steps).empty() || !missing_in(b_.steps(), n->steps, a_.steps(), o->steps).empty())
        add("follow-up-steps", n->id, say(Msg::diff_follow_up_steps, {{"question", question}, {"steps", names(b_.steps(), n->steps)}}), t);
      auto days = [&](const std::optional<std::int64_t>& d) { return d ? std::to_string(*d) : say(Msg::none_given); };
      if (o->every_days != n->every_days) add("follow-up-every", n->id, say(Msg::diff_follow_up_every, {{"question", question}, {"old", days(o->every_days)}, {"new", days(n->every_days)}}), t);
      auto owner_name = [&](const Workflow& w, const FollowUp& f) { return f.owner ? w.teams()[*f.owner].name : say(Msg::none_given); };
      if (team_id(a_, o->owner) != team_id(b_, n->owner)) add("follow-up-owner", n->id, say(Msg::diff_follow_up_owner, {{"question", question}, {"old", owner_name(a_, *o)}, {"new", owner_name(b_, *n)}}), t);
      if (o->source != n->source) add("follow-up-source", n->id, say(Msg::diff_follow_up_source, {{"question", question}, {"new", or_none(n->source)}}), t);
      auto date = [&](const std::optional<Date>& d) { return d ? d->to_string() : say(Msg::none_given); };
      if (o->last_done != n->last_done) add("follow-up-last-done", n->id, say(Msg::diff_follow_up_last_done, {{"question", question}, {"old", date(o->last_done)}, {"new", date(n->last_done)}}), t);
    }
  }

  const Workflow &a_, &b_;
  Lang lang_;
  std::optional<std::string> team_;
  std::vector<Change> out_;
};

// What makes two findings of two versions the same problem: their pointers
// move when lists change, their messages when names do.
std::string finding_key(const Finding& f) {
  std::string k = f.rule + "|" + f.requirement + "|" + f.case_type;
  for (const auto& s : f.steps) k += "|" + s;
  for (const auto& [a, b] : f.transitions) k += "|" + a + ">" + b;
  return k;
}

// Whether a finding concerns `team` (one of its steps is the team's).
bool concerns(const Workflow& w, const Finding& f, const std::string& team) {
  return std::ranges::any_of(f.steps, [&](const std::string& id) {
    auto s = w.find_step(id);
    return s && w.step(*s).team && w.teams()[*w.step(*s).team].id == team;
  });
}

std::vector<Finding> only_in(const Report& mine, const Report& theirs, const Workflow& w, const std::optional<std::string>& team) {
  std::set<std::string> there;
  for (const Finding& f : theirs.findings) there.insert(finding_key(f));
  std::vector<Finding> out;
  for (const Finding& f : mine.findings)
    if (!there.contains(finding_key(f)) && (!team || concerns(w, f, *team))) out.push_back(f);
  return out;
}

bool has_team(const Workflow& w, const std::string& id) {
  return std::ranges::any_of(w.teams(), [&](const Team& t) { return t.id == id; });
}

}  // namespace

WorkflowDiff diff_workflows(const Workflow& a, const Workflow& b, const DiffOptions& options) {
  if (options.team && !has_team(a, *options.team) && !has_team(b, *options.team))
    throw std::invalid_argument("no team has the id \"" + *options.team + "\" in either version");
  const Lang lang = options.lang.value_or(language_of(b));
  WorkflowDiff d{a.name(), b.name(), options.team, Differ(a, b, lang, options.team).run(), {}, {}};
  CheckOptions checks = options.checks;
  checks.lang = lang;
  const Report before = run_checks(a, checks), after = run_checks(b, checks);
  d.fixed = only_in(before, after, a, options.team);
  d.found = only_in(after, before, b, options.team);
  return d;
}

std::string write_diff(const WorkflowDiff& d, Lang lang, TextForm form) {
  if (form == TextForm::json) {
    json::array changes, fixed, found;
    for (const Change& c : d.changes)
      changes.push_back(json::object{{"kind", c.kind}, {"id", c.id}, {"text", c.text}, {"teams", json::array(c.teams.begin(), c.teams.end())}});
    for (const Finding& f : d.fixed) fixed.push_back(json::parse(finding_to_json(f)));
    for (const Finding& f : d.found) found.push_back(json::parse(finding_to_json(f)));
    json::object o{{"old", d.old_name}, {"new", d.new_name}};
    if (d.team) o["team"] = *d.team;
    o["changes"] = std::move(changes);
    o["findings_fixed"] = std::move(fixed);
    o["findings_new"] = std::move(found);
    return json::serialize(o) + "\n";
  }
  const bool md = form == TextForm::markdown;
  std::string out = (md ? "# " : "") + say(lang, Msg::diff_title, {{"old", quote(lang, d.old_name)}, {"new", quote(lang, d.new_name)}}) + "\n";
  auto section = [&](Msg title, const std::vector<std::string>& lines) {
    out += std::string("\n") + (md ? "## " : "") + say(lang, title, {{"n", std::to_string(lines.size())}}) + "\n";
    if (md) out += "\n";
    if (lines.empty()) out += std::string(md ? "" : "  ") + say(lang, Msg::diff_nothing) + "\n";
    for (const std::string& l : lines) out += std::string(md ? "- " : "  - ") + l + "\n";
  };
  std::vector<std::string> changes, fixed, found;
  for (const Change& c : d.changes) changes.push_back(c.text);
  for (const Finding& f : d.fixed) fixed.push_back(f.message + " [" + f.rule + "]");
  for (const Finding& f : d.found) found.push_back(f.message + " [" + f.rule + "]");
  section(Msg::diff_changes, changes);
  section(Msg::diff_fixed, fixed);
  section(Msg::diff_new, found);
  return out;
}

}  // namespace baton
