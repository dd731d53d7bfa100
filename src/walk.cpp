// The walkthrough: one structure built from the workflow, then written as
// Markdown or JSON, so both forms always carry the same content.
#include <baton/graph.hpp>
#include <baton/semantics.hpp>
#include <baton/walk.hpp>

#include <baton/messages.hpp>

#include <boost/graph/depth_first_search.hpp>
#include <boost/json.hpp>

#include <algorithm>
#include <stdexcept>
#include <unordered_map>

namespace json = boost::json;

namespace baton {
namespace {

// Steps a case can reach from the start, in run order: reverse postorder of
// a depth-first search over the transitions the case may take, so every step
// comes after the steps that lead to it (rework loops aside).
std::vector<Index> run_order(const Workflow& wf, const CaseRestriction& restriction) {
  StepGraph g(wf.steps().size());
  for (Index s = 0; s < wf.steps().size(); ++s)
    for (Index t : restriction.choices(s)) boost::add_edge(s, wf.transition(t).to, t, g);
  struct Visitor : boost::default_dfs_visitor {
    std::vector<Index>* finished;
    void finish_vertex(std::size_t v, const StepGraph&) const { finished->push_back(v); }
  };
  std::vector<Index> finished;
  Visitor visitor;
  visitor.finished = &finished;
  std::vector<boost::default_color_type> colors(wf.steps().size(), boost::white_color);
  boost::depth_first_visit(g, wf.start(), visitor,
                           boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, g)));
  std::reverse(finished.begin(), finished.end());
  // A gateway only routes: the walk passes through it (see ways_on).
  std::erase_if(finished, [&](Index s) { return wf.step(s).kind == StepKind::gateway; });
  return finished;
}

// The walk's words, from the message catalogue, in one language.
struct Labels {
  std::string title, whole_workflow, who, it, record, templates, requirements, duration, reads, writes, checks, next,
      handover, how, responsible, not_described, nobody, end, choice, aspect_all;
  Lang lang;
};
Labels labels_for(Lang lang) {
  auto w = [&](Msg id) { return say(lang, id); };
  return {w(Msg::walk_title), w(Msg::walk_whole_workflow), w(Msg::walk_who), w(Msg::walk_it), w(Msg::walk_record),
          w(Msg::walk_templates), w(Msg::walk_requirements), w(Msg::walk_duration), w(Msg::walk_reads),
          w(Msg::walk_writes), w(Msg::walk_checks), w(Msg::walk_next), w(Msg::walk_handover), w(Msg::walk_how),
          w(Msg::walk_responsible), w(Msg::walk_not_described), w(Msg::walk_nobody), w(Msg::walk_end),
          w(Msg::walk_choice), w(Msg::walk_aspect_all), lang};
}

class Walk {
 public:
  Walk(const Workflow& wf, const CaseType* ct, Lang lang)
      : wf_(wf), ct_(ct), restriction_(wf, ct), labels_(labels_for(lang)) {}

  json::object to_json() const {
    json::object o{{"workflow", wf_.id()}, {"name", wf_.name()}};
    if (ct_) {
      json::object c{{"id", ct_->id}, {"name", ct_->name}};
      if (ct_->description) c["description"] = *ct_->description;
      o["case_type"] = std::move(c);
    } else {
      o["case_type"] = nullptr;
    }
    json::array steps;
    for (Index s : run_order(wf_, restriction_)) steps.push_back(step_json(s));
    o["steps"] = std::move(steps);
    return o;
  }

  std::string markdown() const {
    const json::object doc = to_json();
    std::string out = "# " + std::string(labels_.title) + ": " + wf_.name() + " \u2014 " +
                      (ct_ ? ct_->name : std::string(labels_.whole_workflow)) + "\n\n";
    if (ct_ && ct_->description) out += *ct_->description + "\n\n";
    // Where a case can go more than one way, the steps of every way follow
    // one another; each "next" names the number of its step, so a reader can
    // follow one way through.
    std::unordered_map<std::string, int> numbers;
    for (const json::value& v : doc.at("steps").as_array())
      numbers.emplace(text(v.at("id")), static_cast<int>(numbers.size()) + 1);
    for (const json::value& v : doc.at("steps").as_array()) out += step_markdown(v.as_object(), numbers);
    return out;
  }

 private:
  static json::object ref(const std::string& id, const std::string& name) { return {{"id", id}, {"name", name}}; }

  json::object step_json(Index i) const {
    const Step& s = wf_.step(i);
    json::object o{{"id", s.id}, {"name", s.name}, {"kind", to_string(s.kind)}};
    if (s.description) o["description"] = *s.description;
    if (s.team) o["team"] = ref(wf_.teams()[*s.team].id, wf_.teams()[*s.team].name);
    if (s.role) o["role"] = *s.role;
    if (s.it) {
      json::object it;
      if (s.it->system) it["system"] = ref(wf_.systems()[*s.it->system].id, wf_.systems()[*s.it->system].name);
      if (s.it->function) it["function"] = *s.it->function;
      it["records"] = artifacts(s.it->records);
      o["it"] = std::move(it);
    }
    json::array templates;
    for (Index t : s.templates) templates.push_back(ref(wf_.templates()[t].id, wf_.templates()[t].name));
    o["templates"] = std::move(templates);
    json::array requirements;
    for (Index r : s.satisfies) {
      const Requirement& req = wf_.requirements()[r];
      json::object j{{"id", req.id}, {"text", req.text}};
      if (req.source) j["source"] = *req.source;
      requirements.push_back(std::move(j));
    }
    o["requirements"] = std::move(requirements);
    if (s.duration) o["duration"] = s.duration->to_string();
    o["reads"] = artifacts(s.reads);
    o["writes"] = artifacts(s.writes);
    json::array checks;
    for (const Control& c : s.checks)
      checks.push_back({{"artifact", ref(wf_.artifacts()[c.artifact].id, wf_.artifacts()[c.artifact].name)},
                        {"aspect", c.aspect}});
    o["checks"] = std::move(checks);
    json::array next;
    const std::vector<Way> taken = ways_on(wf_, i, [&](Index s) { return restriction_.choices(s); });
    for (const Way& way : taken) next.push_back(way_json(way));
    o["next"] = std::move(next);
    // The case type chose, here or at a gateway beyond, one of several ways.
    o["chosen"] = ct_ && taken.size() == 1 && ways_on(wf_, i).size() > 1;
    return o;
  }

  json::array artifacts(const std::vector<Index>& list) const {
    json::array a;
    for (Index x : list) a.push_back(ref(wf_.artifacts()[x].id, wf_.artifacts()[x].name));
    return a;
  }

  // A way on: the step it leads to, the labels on it (where gateways lie
  // between, every label on the way, in order) and the handover it makes.
  json::object way_json(const Way& way) const {
    const Index to = wf_.transition(way.back()).to;
    json::object o{{"to", ref(wf_.step(to).id, wf_.step(to).name)}};
    std::string labels;
    for (Index t : way)
      if (const auto& label = wf_.transition(t).label) labels += (labels.empty() ? "" : ", ") + *label;
    if (!labels.empty()) o["label"] = labels;
    const HandoverPath* path = wf_.handover(way.front(), way.back());
    if (!path) return o;
    json::object h{{"kind", path->kind == HandoverKind::team ? "team" : "role"}};
    const Handover* handover = wf_.handover_of(*path);
    if (handover && handover->how) h["how"] = *handover->how;
    if (handover && handover->responsible) {
      const Responsible& r = *handover->responsible;
      json::object who{{"team", ref(wf_.teams()[r.team].id, wf_.teams()[r.team].name)}};
      if (r.role) who["role"] = *r.role;
      h["responsible"] = std::move(who);
    }
    o["handover"] = std::move(h);
    return o;
  }

  static std::string names(const json::array& refs) {
    std::string out;
    for (const json::value& r : refs) out += (out.empty() ? "" : ", ") + std::string(r.at("name").as_string());
    return out;
  }

  static std::string text(const json::value& v) { return std::string(v.as_string()); }

  std::string step_markdown(const json::object& s, const std::unordered_map<std::string, int>& numbers) const {
    std::string out = "## " + std::to_string(numbers.at(text(s.at("id")))) + ". " + text(s.at("name")) + "\n\n";
    if (const auto* d = s.if_contains("description")) out += text(*d) + "\n\n";
    auto line = [&](const std::string& label, const std::string& value) {
      if (!value.empty()) out += "- **" + std::string(label) + ":** " + value + "\n";
    };
    if (const auto* team = s.if_contains("team")) {
      std::string who = text(team->at("name"));
      if (const auto* role = s.if_contains("role")) who += " (" + text(*role) + ")";
      line(labels_.who, who);
    }
    if (const auto* it = s.if_contains("it")) {
      std::string support;
      if (const auto* sys = it->as_object().if_contains("system")) support = text(sys->at("name"));
      if (const auto* fn = it->as_object().if_contains("function"))
        support += (support.empty() ? "" : " \u2014 ") + text(*fn);
      line(labels_.it, support);
      line(labels_.record, names(it->at("records").as_array()));
    }
    line(labels_.reads, names(s.at("reads").as_array()));
    line(labels_.writes, names(s.at("writes").as_array()));
    std::string checks;
    for (const json::value& c : s.at("checks").as_array()) {
      const std::string aspect = text(c.at("aspect"));
      checks += (checks.empty() ? "" : ", ") + text(c.at("artifact").at("name")) + " (" +
                (aspect == "*" ? std::string(labels_.aspect_all) : aspect) + ")";
    }
    line(labels_.checks, checks);
    line(labels_.templates, names(s.at("templates").as_array()));
    std::string reqs;
    for (const json::value& r : s.at("requirements").as_array()) {
      reqs += (reqs.empty() ? "" : "; ") + text(r.at("text"));
      if (const auto* src = r.as_object().if_contains("source")) reqs += " (" + text(*src) + ")";
    }
    line(labels_.requirements, reqs);
    if (const auto* d = s.if_contains("duration")) line(labels_.duration, describe_duration(*Duration::parse(text(*d)), labels_.lang));
    const auto& next = s.at("next").as_array();
    if (next.empty()) return out + (out.ends_with("\n\n") ? "" : "\n") + labels_.end + "\n\n";
    if (out.back() != '\n' || out[out.size() - 2] != '\n') out += "\n";
    out += "**" + std::string(labels_.next) + ":**\n\n";
    for (const json::value& t : next) out += next_markdown(t.as_object(), s.at("chosen").as_bool(), numbers);
    return out + "\n";
  }

  std::string next_markdown(const json::object& t, bool chosen,
                            const std::unordered_map<std::string, int>& numbers) const {
    const auto number = numbers.find(text(t.at("to").at("id")));
    std::string out = "- \u2192 " + (number == numbers.end() ? "" : std::to_string(number->second) + ". ") +
                      text(t.at("to").at("name"));
    if (const auto* label = t.if_contains("label")) out += " (" + text(*label) + ")";
    if (chosen) out += " \u2014 *" + std::string(labels_.choice) + "*";
    out += "\n";
    if (const auto* h = t.if_contains("handover")) {
      const json::object& ho = h->as_object();
      const auto* how = ho.if_contains("how");
      out += "  - " + std::string(labels_.handover) + ", " + labels_.how + ": " +
             (how ? text(*how) : std::string("*") + labels_.not_described + "*") + "\n";
      std::string who = std::string("*") + labels_.nobody + "*";
      if (const auto* r = ho.if_contains("responsible")) {
        who = text(r->at("team").at("name"));
        if (const auto* role = r->as_object().if_contains("role")) who += " (" + text(*role) + ")";
      }
      out += "  - " + std::string(labels_.handover) + ", " + labels_.responsible + ": " + who + "\n";
    }
    return out;
  }

  const Workflow& wf_;
  const CaseType* ct_;
  CaseRestriction restriction_;
  const Labels labels_;
};

}  // namespace

std::vector<Index> steps_in_run_order(const Workflow& workflow, const CaseType* case_type) {
  return run_order(workflow, CaseRestriction(workflow, case_type));
}

std::string walk(const Workflow& workflow, const CaseType* case_type, WalkFormat format, std::optional<Lang> lang) {
  const Walk w(workflow, case_type, lang.value_or(language_of(workflow)));
  return format == WalkFormat::json ? json::serialize(w.to_json()) : w.markdown();
}

}  // namespace baton
