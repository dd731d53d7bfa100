// Writer for workflow format v1: members in the order the spec lists them,
// optional members only when present, so output is stable and diffs read well.
#include <baton/json.hpp>

#include <boost/json.hpp>

namespace json = boost::json;

namespace baton {
namespace {

class Writer {
 public:
  explicit Writer(const WorkflowParts& w) : w_(w) {}

  json::object workflow() const {
    json::object o;
    o["baton"] = 1;
    o["id"] = w_.id;
    o["name"] = w_.name;
    put(o, "version", w_.version);
    put(o, "language", w_.language);
    put(o, "description", w_.description);
    if (w_.review) o["review"] = review(*w_.review);
    list(o, "teams", w_.teams, [&](const Team& t) {
      json::object j{{"id", t.id}, {"name", t.name}};
      if (!t.roles.empty()) j["roles"] = strings(t.roles);
      return j;
    });
    list(o, "systems", w_.systems, [](const System& s) { return json::object{{"id", s.id}, {"name", s.name}}; });
    list(o, "artifacts", w_.artifacts, [&](const Artifact& a) {
      json::object j{{"id", a.id}, {"name", a.name}};
      put(j, "kind", a.kind);
      return j;
    });
    list(o, "templates", w_.templates, [&](const Template& t) {
      json::object j{{"id", t.id}, {"name", t.name}};
      if (t.system) j["system"] = w_.systems[*t.system].id;
      return j;
    });
    list(o, "requirements", w_.requirements, [&](const Requirement& r) { return requirement(r); });
    o["steps"] = array_of(w_.steps, [&](const Step& s) { return step(s); });
    o["transitions"] = array_of(w_.transitions, [&](const Transition& t) { return transition(t); });
    list(o, "case_types", w_.case_types, [&](const CaseType& c) {
      json::object j{{"id", c.id}, {"name", c.name}};
      put(j, "description", c.description);
      if (!c.choices.empty()) {
        json::object choices;
        for (const Choice& ch : c.choices) choices[w_.steps[ch.step].id] = ch.written;
        j["choices"] = std::move(choices);
      }
      return j;
    });
    list(o, "follow_up", w_.follow_up, [&](const FollowUp& f) {
      json::object j{{"id", f.id}, {"question", f.question}};
      if (!f.steps.empty()) j["steps"] = ids(f.steps, w_.steps);
      if (f.every_days) j["every_days"] = *f.every_days;
      put(j, "source", f.source);
      if (f.owner) j["owner"] = w_.teams[*f.owner].id;
      if (f.last_done) j["last_done"] = f.last_done->to_string();
      return j;
    });
    return o;
  }

 private:
  static void put(json::object& o, std::string_view key, const std::optional<std::string>& v) {
    if (v) o[key] = *v;
  }

  template <class T, class F>
  static json::array array_of(const std::vector<T>& items, F&& f) {
    json::array a;
    a.reserve(items.size());
    for (const T& item : items) a.emplace_back(f(item));
    return a;
  }

  template <class T, class F>
  static void list(json::object& o, std::string_view key, const std::vector<T>& items, F&& f) {
    if (!items.empty()) o[key] = array_of(items, f);
  }

  static json::array strings(const std::vector<std::string>& v) { return json::array(v.begin(), v.end()); }

  template <class T>
  static json::array ids(const std::vector<Index>& refs, const std::vector<T>& list) {
    return array_of(refs, [&](Index i) { return json::value(list[i].id); });
  }

  json::object review(const Review& r) const {
    json::object j;
    if (r.last_reviewed) j["last_reviewed"] = r.last_reviewed->to_string();
    if (r.interval_days) j["interval_days"] = *r.interval_days;
    if (r.owner) j["owner"] = w_.teams[*r.owner].id;
    return j;
  }

  json::object requirement(const Requirement& r) const {
    json::object j{{"id", r.id}, {"text", r.text}};
    put(j, "source", r.source);
    if (r.case_types) j["case_types"] = ids(*r.case_types, w_.case_types);
    if (r.rule) {
      json::object rule{{"type", to_string(r.rule->type)}};
      if (r.rule->type == RuleType::existence) {
        rule["steps"] = r.rule->first.text;
      } else {
        rule["first"] = r.rule->first.text;
        rule["then"] = r.rule->then.text;
      }
      if (r.rule->within) rule["within"] = r.rule->within->to_string();
      j["rule"] = std::move(rule);
    }
    return j;
  }

  json::object step(const Step& s) const {
    json::object j{{"id", s.id}, {"name", s.name}};
    if (s.kind != StepKind::task) j["kind"] = to_string(s.kind);
    put(j, "description", s.description);
    if (s.team) j["team"] = w_.teams[*s.team].id;
    put(j, "role", s.role);
    if (s.join != Gate::exclusive) j["join"] = to_string(s.join);
    if (s.split != Gate::exclusive) j["split"] = to_string(s.split);
    if (!s.reads.empty()) j["reads"] = ids(s.reads, w_.artifacts);
    if (!s.writes.empty()) j["writes"] = ids(s.writes, w_.artifacts);
    if (!s.checks.empty())
      j["checks"] = array_of(s.checks, [&](const Control& c) {
        return json::object{{"artifact", w_.artifacts[c.artifact].id}, {"aspect", c.aspect}};
      });
    if (s.it) {
      json::object it;
      if (s.it->system) it["system"] = w_.systems[*s.it->system].id;
      put(it, "function", s.it->function);
      if (!s.it->records.empty()) it["records"] = ids(s.it->records, w_.artifacts);
      j["it"] = std::move(it);
    }
    if (!s.templates.empty()) j["templates"] = ids(s.templates, w_.templates);
    if (!s.satisfies.empty()) j["satisfies"] = ids(s.satisfies, w_.requirements);
    if (!s.tags.empty()) j["tags"] = strings(s.tags);
    if (s.duration) j["duration"] = s.duration->to_string();
    if (!s.log_names.empty()) j["log_names"] = strings(s.log_names);
    return j;
  }

  json::object transition(const Transition& t) const {
    json::object j{{"from", w_.steps[t.from].id}, {"to", w_.steps[t.to].id}};
    put(j, "label", t.label);
    if (t.handover) {
      json::object h;
      put(h, "how", t.handover->how);
      if (t.handover->responsible) {
        json::object r{{"team", w_.teams[t.handover->responsible->team].id}};
        put(r, "role", t.handover->responsible->role);
        h["responsible"] = std::move(r);
      }
      j["handover"] = std::move(h);
    }
    return j;
  }

  const WorkflowParts& w_;
};

}  // namespace

std::string to_json(const Workflow& workflow) {
  return json::serialize(Writer(workflow.parts()).workflow());
}

}  // namespace baton
