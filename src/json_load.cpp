// Loader for workflow format v1. Every rule of workflow-format.md is checked
// here, once; the first breach ends the load with a LoadError that names the
// place, so nothing is ever half loaded.
#include <baton/json.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <unordered_map>

namespace json = boost::json;

namespace baton {

namespace {

// Control characters in user text would break the one-line error message;
// they are shown escaped, as JSON writes them.
std::string printable(std::string_view text) {
  std::string out;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u == '\n') out += "\\n";
    else if (u == '\t') out += "\\t";
    else if (u < 0x20 || u == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", u);
      out += buf;
    } else out += c;
  }
  return out;
}

// User text quoted in a message: escaped, and cut after 60 characters
// (never inside a UTF-8 sequence).
std::string shown(std::string_view text) {
  constexpr std::size_t most = 60;
  std::size_t chars = 0, cut = 0;
  for (; cut < text.size(); ++cut) {
    if ((static_cast<unsigned char>(text[cut]) & 0xC0) != 0x80 && chars++ == most) break;
  }
  return "\"" + printable(text.substr(0, cut)) + (cut < text.size() ? "\u2026\"" : "\"");
}

}  // namespace

LoadError::LoadError(Kind kind, std::string file, std::string pointer, int line, int column,
                     std::string message)
    : std::runtime_error([&] {
        std::string where = file.empty() ? std::string("<input>") : file;
        if (line > 0) where += ":" + std::to_string(line) + ":" + std::to_string(column);
        else where += ":" + printable(pointer);
        return where + ": " + message;
      }()),
      kind_(kind), file_(std::move(file)), pointer_(std::move(pointer)), line_(line), column_(column),
      message_(std::move(message)) {}

std::string LoadError::place() const {
  std::string where = file_.empty() ? std::string("<input>") : file_;
  if (line_ > 0) return where + ":" + std::to_string(line_) + ":" + std::to_string(column_);
  return where + ":" + printable(pointer_);
}

namespace {

constexpr std::size_t max_depth = 64;
// A text longer than this is no description a person wrote; refusing it keeps
// hostile files from growing every copy the analyses make.
constexpr std::size_t max_text_bytes = 1 << 20;

std::string escape_token(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

std::string child(const std::string& ptr, std::string_view key) { return ptr + "/" + escape_token(key); }
std::string child(const std::string& ptr, std::size_t i) { return ptr + "/" + std::to_string(i); }

std::string_view type_name(const json::value& v) {
  switch (v.kind()) {
    case json::kind::null: return "null";
    case json::kind::bool_: return "a boolean";
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_: return "a number";
    case json::kind::string: return "a string";
    case json::kind::array: return "an array";
    case json::kind::object: return "an object";
  }
  return "a value";
}

bool valid_id(std::string_view s) {
  return !s.empty() && s.size() <= 128 && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
  });
}

// Ids of one list, for resolving references to it.
struct IdList {
  std::string_view what;  // "team", "step", ...
  std::unordered_map<std::string, Index> index;
};

class Loader {
 public:
  explicit Loader(std::string_view file) : file_(file) {}

  WorkflowParts load(const json::value& root) {
    const json::object& top = root.get_object();
    check_format_version(top);
    WorkflowParts w;
    w.id = id(top, "id", "");
    w.name = text(top, "name", "");
    w.version = optional_text(top, "version", "");
    w.language = optional_text(top, "language", "");
    w.description = optional_text(top, "description", "");

    // References may point forward (a step to a requirement, a requirement to
    // a case type), so every list's ids are known before anything is resolved.
    collect_ids(top, "teams", teams_);
    collect_ids(top, "systems", systems_);
    collect_ids(top, "artifacts", artifacts_);
    collect_ids(top, "templates", templates_);
    collect_ids(top, "requirements", requirements_);
    require(top, "steps", "");
    collect_ids(top, "steps", steps_);
    collect_ids(top, "case_types", case_types_);
    collect_ids(top, "follow_up", follow_ups_);

    each(top, "teams", [&](const json::object& o, const std::string& p) { w.teams.push_back(team(o, p)); });
    each(top, "systems", [&](const json::object& o, const std::string& p) {
      w.systems.push_back({id(o, "id", p), text(o, "name", p)});
    });
    each(top, "artifacts", [&](const json::object& o, const std::string& p) {
      w.artifacts.push_back({id(o, "id", p), text(o, "name", p), optional_text(o, "kind", p)});
    });
    each(top, "templates", [&](const json::object& o, const std::string& p) {
      w.templates.push_back({id(o, "id", p), text(o, "name", p), optional_ref(o, "system", p, systems_)});
    });
    each(top, "steps", [&](const json::object& o, const std::string& p) { w.steps.push_back(step(o, p, w)); });
    if (w.steps.empty()) fail("/steps", "a workflow needs at least one step");
    require(top, "transitions", "");
    each(top, "transitions", [&](const json::object& o, const std::string& p) {
      w.transitions.push_back(transition(o, p, w));
    });
    check_structure(w);
    each(top, "requirements", [&](const json::object& o, const std::string& p) {
      w.requirements.push_back(requirement(o, p, w));
    });
    each(top, "case_types", [&](const json::object& o, const std::string& p) {
      w.case_types.push_back(case_type(o, p, w));
    });
    each(top, "follow_up", [&](const json::object& o, const std::string& p) {
      w.follow_up.push_back({id(o, "id", p), text(o, "question", p), refs(o, "steps", p, steps_),
                             optional_count(o, "every_days", p, 1), optional_text(o, "source", p)});
    });
    if (const json::value* v = top.if_contains("review")) w.review = review(object(*v, "/review"), "/review");
    return w;
  }

  [[noreturn]] void fail(std::string pointer, std::string message) const {
    throw LoadError(LoadError::Kind::invalid, std::string(file_), std::move(pointer), 0, 0, std::move(message));
  }

 private:
  // --- members of one object -------------------------------------------

  const json::object& object(const json::value& v, const std::string& p) const {
    if (!v.is_object()) fail(p, "must be an object, not " + std::string(type_name(v)));
    return v.get_object();
  }

  const json::value& require(const json::object& o, std::string_view key, const std::string& p) const {
    const json::value* v = o.if_contains(key);
    if (!v) fail(child(p, key), "the required member \"" + std::string(key) + "\" is missing");
    return *v;
  }

  std::string string_value(const json::value& v, const std::string& p) const {
    if (!v.is_string()) fail(p, "must be a string, not " + std::string(type_name(v)));
    const json::string& s = v.get_string();
    if (s.size() > max_text_bytes) fail(p, "text longer than 1 MiB");
    return std::string(s.data(), s.size());
  }

  std::string text(const json::object& o, std::string_view key, const std::string& p) const {
    return string_value(require(o, key, p), child(p, key));
  }

  std::optional<std::string> optional_text(const json::object& o, std::string_view key, const std::string& p) const {
    const json::value* v = o.if_contains(key);
    if (!v) return std::nullopt;
    return string_value(*v, child(p, key));
  }

  std::string id_value(const json::value& v, const std::string& p) const {
    std::string s = string_value(v, p);
    if (!valid_id(s))
      fail(p, shown(s) + " is not a valid id (1 to 128 characters from A-Z a-z 0-9 . _ -)");
    return s;
  }

  std::string id(const json::object& o, std::string_view key, const std::string& p) const {
    return id_value(require(o, key, p), child(p, key));
  }

  const json::array* optional_array(const json::object& o, std::string_view key, const std::string& p) const {
    const json::value* v = o.if_contains(key);
    if (!v) return nullptr;
    if (!v->is_array()) fail(child(p, key), "must be an array, not " + std::string(type_name(*v)));
    return &v->get_array();
  }

  std::vector<std::string> texts(const json::object& o, std::string_view key, const std::string& p) const {
    std::vector<std::string> out;
    if (const json::array* a = optional_array(o, key, p))
      for (std::size_t i = 0; i < a->size(); ++i) out.push_back(string_value((*a)[i], child(child(p, key), i)));
    return out;
  }

  Index resolve(const std::string& id, const std::string& p, const IdList& list) const {
    auto it = list.index.find(id);
    if (it == list.index.end()) fail(p, "no " + std::string(list.what) + " has the id " + shown(id));
    return it->second;
  }

  Index ref(const json::object& o, std::string_view key, const std::string& p, const IdList& list) const {
    return resolve(id(o, key, p), child(p, key), list);
  }

  std::optional<Index> optional_ref(const json::object& o, std::string_view key, const std::string& p,
                                    const IdList& list) const {
    if (!o.contains(key)) return std::nullopt;
    return ref(o, key, p, list);
  }

  std::vector<Index> refs(const json::object& o, std::string_view key, const std::string& p, const IdList& list) const {
    std::vector<Index> out;
    if (const json::array* a = optional_array(o, key, p)) {
      for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string ip = child(child(p, key), i);
        out.push_back(resolve(id_value((*a)[i], ip), ip, list));
      }
    }
    return out;
  }

  std::optional<std::int64_t> optional_count(const json::object& o, std::string_view key, const std::string& p,
                                             std::int64_t least) const {
    const json::value* v = o.if_contains(key);
    if (!v) return std::nullopt;
    const std::string vp = child(p, key);
    std::int64_t n = 0;
    if (v->is_int64()) n = v->get_int64();
    else if (v->is_uint64()) fail(vp, "number too large");
    else fail(vp, "must be a whole number, not " + std::string(type_name(*v)));
    if (n < least) fail(vp, "must be at least " + std::to_string(least));
    return n;
  }

  template <class Enum, std::size_t N>
  Enum choice(const json::object& o, std::string_view key, const std::string& p, Enum fallback,
              const std::pair<std::string_view, Enum> (&names)[N]) const {
    const json::value* v = o.if_contains(key);
    if (!v) return fallback;
    const std::string s = string_value(*v, child(p, key));
    std::string allowed;
    for (const auto& [name, value] : names) {
      if (s == name) return value;
      allowed += (allowed.empty() ? "\"" : ", \"") + std::string(name) + "\"";
    }
    fail(child(p, key), shown(s) + " is not one of " + allowed);
  }

  Duration duration(const json::value& v, const std::string& p) const {
    const std::string s = string_value(v, p);
    auto d = Duration::parse(s);
    if (!d) fail(p, shown(s) + " is not an ISO 8601 duration such as \"PT24H\" or \"P4M\"");
    return *d;
  }

  // --- lists -----------------------------------------------------------

  template <class F>
  void each(const json::object& top, std::string_view key, F&& f) const {
    const json::array* a = optional_array(top, key, "");
    if (!a) return;
    for (std::size_t i = 0; i < a->size(); ++i) {
      const std::string p = child(child("", key), i);
      f(object((*a)[i], p), p);
    }
  }

  void collect_ids(const json::object& top, std::string_view key, IdList& list) const {
    each(top, key, [&](const json::object& o, const std::string& p) {
      std::string s = id(o, "id", p);
      if (!list.index.emplace(s, list.index.size()).second)
        fail(child(p, "id"), "another " + std::string(list.what) + " already has the id \"" + s + "\"");
    });
  }

  void check_format_version(const json::object& top) const {
    const json::value& v = require(top, "baton", "");
    if (!v.is_int64() && !v.is_uint64()) fail("/baton", "must be the integer 1 (the format version), not " + std::string(type_name(v)));
    if (!(v.is_int64() && v.get_int64() == 1))
      fail("/baton", "format version " + json::serialize(v) + " is not supported; this baton reads version 1");
  }

  Team team(const json::object& o, const std::string& p) const {
    Team t{id(o, "id", p), text(o, "name", p), texts(o, "roles", p)};
    return t;
  }

  void check_role(Index team, const std::string& role, const std::string& p, const WorkflowParts& w) const {
    const Team& t = w.teams.at(team);
    if (!t.roles.empty() && std::find(t.roles.begin(), t.roles.end(), role) == t.roles.end())
      fail(p, "team \"" + t.id + "\" has no role " + shown(role));
  }

  Step step(const json::object& o, const std::string& p, const WorkflowParts& w) const {
    static constexpr std::pair<std::string_view, StepKind> kinds[] = {
        {"start", StepKind::start}, {"task", StepKind::task}, {"control", StepKind::control},
        {"decision", StepKind::decision}, {"end", StepKind::end}};
    static constexpr std::pair<std::string_view, Gate> gates[] = {{"xor", Gate::exclusive}, {"and", Gate::parallel}};
    Step s;
    s.id = id(o, "id", p);
    s.name = text(o, "name", p);
    s.kind = choice(o, "kind", p, StepKind::task, kinds);
    s.description = optional_text(o, "description", p);
    s.team = optional_ref(o, "team", p, teams_);
    s.role = optional_text(o, "role", p);
    if (s.role) {
      if (!s.team) fail(child(p, "role"), "a role needs a team: step \"" + s.id + "\" has a role but no team");
      check_role(*s.team, *s.role, child(p, "role"), w);
    }
    s.join = choice(o, "join", p, Gate::exclusive, gates);
    s.split = choice(o, "split", p, Gate::exclusive, gates);
    s.reads = refs(o, "reads", p, artifacts_);
    s.writes = refs(o, "writes", p, artifacts_);
    if (const json::array* a = optional_array(o, "checks", p)) {
      for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string cp = child(child(p, "checks"), i);
        const json::object& c = object((*a)[i], cp);
        s.checks.push_back({ref(c, "artifact", cp, artifacts_), optional_text(c, "aspect", cp).value_or("*")});
      }
    }
    if (s.kind == StepKind::control && s.checks.empty())
      fail(child(p, "checks"), "control step \"" + s.id + "\" must say what it checks (at least one entry in \"checks\")");
    if (const json::value* v = o.if_contains("it")) {
      const std::string ip = child(p, "it");
      const json::object& it = object(*v, ip);
      s.it = ItSupport{optional_ref(it, "system", ip, systems_), optional_text(it, "function", ip),
                       refs(it, "records", ip, artifacts_)};
    }
    s.templates = refs(o, "templates", p, templates_);
    s.satisfies = refs(o, "satisfies", p, requirements_);
    s.tags = texts(o, "tags", p);
    if (const json::value* v = o.if_contains("duration")) s.duration = duration(*v, child(p, "duration"));
    return s;
  }

  Transition transition(const json::object& o, const std::string& p, const WorkflowParts& w) {
    Transition t;
    t.from = ref(o, "from", p, steps_);
    t.to = ref(o, "to", p, steps_);
    t.label = optional_text(o, "label", p);
    if (const json::value* v = o.if_contains("handover")) {
      const std::string hp = child(p, "handover");
      const json::object& h = object(*v, hp);
      Handover handover{optional_text(h, "how", hp), std::nullopt};
      if (const json::value* r = h.if_contains("responsible")) {
        const std::string rp = child(hp, "responsible");
        const json::object& ro = object(*r, rp);
        Responsible who{ref(ro, "team", rp, teams_), optional_text(ro, "role", rp)};
        if (who.role) check_role(who.team, *who.role, child(rp, "role"), w);
        handover.responsible = std::move(who);
      }
      t.handover = std::move(handover);
    }
    const std::string& from = w.steps[t.from].id;
    if (!pairs_.insert({t.from, t.to}).second)
      fail(p, "a second transition from \"" + from + "\" to \"" + w.steps[t.to].id + "\"");
    if (t.label && !labels_.insert({t.from, *t.label}).second)
      fail(child(p, "label"), "two transitions leave \"" + from + "\" with the label " + shown(*t.label));
    return t;
  }

  void check_structure(const WorkflowParts& w) const {
    std::optional<Index> start;
    bool has_end = false;
    for (Index i = 0; i < w.steps.size(); ++i) {
      if (w.steps[i].kind == StepKind::start) {
        if (start)
          fail(child(pointer_to("steps", i), "kind"), "a second start step (\"" + w.steps[*start].id + "\" is one); a workflow has exactly one");
        start = i;
      }
      has_end = has_end || w.steps[i].kind == StepKind::end;
    }
    if (!start) fail("/steps", "no step has kind \"start\"; a workflow has exactly one");
    if (!has_end) fail("/steps", "no step has kind \"end\"; a workflow needs at least one");
    for (Index t = 0; t < w.transitions.size(); ++t) {
      const Transition& tr = w.transitions[t];
      if (w.steps[tr.to].kind == StepKind::start)
        fail(child(pointer_to("transitions", t), "to"), "start step \"" + w.steps[tr.to].id + "\" cannot have an incoming transition");
      if (w.steps[tr.from].kind == StepKind::end)
        fail(child(pointer_to("transitions", t), "from"), "end step \"" + w.steps[tr.from].id + "\" cannot have an outgoing transition");
    }
  }

  Selector selector(const json::object& o, std::string_view key, const std::string& p, const WorkflowParts& w) const {
    const std::string sp = child(p, key);
    Selector sel{string_value(require(o, key, p), sp), {}};
    const auto req = requirements_.index.find(sel.text);
    for (Index i = 0; i < w.steps.size(); ++i) {
      const Step& s = w.steps[i];
      const bool by_tag = std::find(s.tags.begin(), s.tags.end(), sel.text) != s.tags.end();
      const bool by_requirement = req != requirements_.index.end() &&
                                  std::find(s.satisfies.begin(), s.satisfies.end(), req->second) != s.satisfies.end();
      if (s.id == sel.text || by_tag || by_requirement) sel.steps.push_back(i);
    }
    if (sel.steps.empty())
      fail(sp, "the selector " + shown(sel.text) + " matches no step (by id, tag or satisfied requirement)");
    return sel;
  }

  Requirement requirement(const json::object& o, const std::string& p, const WorkflowParts& w) const {
    Requirement r{id(o, "id", p), text(o, "text", p), optional_text(o, "source", p), std::nullopt, std::nullopt};
    if (o.contains("case_types")) r.case_types = refs(o, "case_types", p, case_types_);
    if (const json::value* v = o.if_contains("rule")) {
      static constexpr std::pair<std::string_view, RuleType> types[] = {
          {"existence", RuleType::existence}, {"precedence", RuleType::precedence}, {"response", RuleType::response}};
      const std::string rp = child(p, "rule");
      const json::object& ro = object(*v, rp);
      require(ro, "type", rp);
      Rule rule;
      rule.type = choice(ro, "type", rp, RuleType::existence, types);
      if (rule.type == RuleType::existence) {
        rule.first = selector(ro, "steps", rp, w);
      } else {
        rule.first = selector(ro, "first", rp, w);
        rule.then = selector(ro, "then", rp, w);
      }
      if (const json::value* d = ro.if_contains("within")) {
        if (rule.type != RuleType::response) fail(child(rp, "within"), "only a response rule has a deadline (\"within\")");
        rule.within = duration(*d, child(rp, "within"));
      }
      r.rule = std::move(rule);
    }
    return r;
  }

  CaseType case_type(const json::object& o, const std::string& p, const WorkflowParts& w) const {
    CaseType c{id(o, "id", p), text(o, "name", p), optional_text(o, "description", p), {}};
    if (const json::value* v = o.if_contains("choices")) {
      const std::string cp = child(p, "choices");
      for (const auto& [key, value] : object(*v, cp)) {
        const std::string kp = child(cp, key);
        auto it = steps_.index.find(std::string(key));
        if (it == steps_.index.end()) fail(kp, "no step has the id " + shown(key));
        const Index s = it->second;
        const Step& step = w.steps[s];
        const std::string written = string_value(value, kp);
        const auto out = outgoing(w, s);
        if (step.split != Gate::exclusive || out.size() < 2)
          fail(kp, "step \"" + step.id + "\" is no XOR split, so a case type cannot choose there");
        // A label names a transition first; a target step id second.
        auto pick = std::find_if(out.begin(), out.end(), [&](Index t) { return w.transitions[t].label == written; });
        if (pick == out.end())
          pick = std::find_if(out.begin(), out.end(), [&](Index t) { return w.steps[w.transitions[t].to].id == written; });
        if (pick == out.end())
          fail(kp, "no transition leaves \"" + step.id + "\" with the label or target " + shown(written));
        c.choices.push_back({s, *pick, written});
      }
    }
    return c;
  }

  static std::vector<Index> outgoing(const WorkflowParts& w, Index step) {
    std::vector<Index> out;
    for (Index t = 0; t < w.transitions.size(); ++t)
      if (w.transitions[t].from == step) out.push_back(t);
    return out;
  }

  Review review(const json::object& o, const std::string& p) const {
    Review r;
    if (const json::value* v = o.if_contains("last_reviewed")) {
      const std::string s = string_value(*v, child(p, "last_reviewed"));
      r.last_reviewed = Date::parse(s);
      if (!r.last_reviewed) fail(child(p, "last_reviewed"), shown(s) + " is not a date YYYY-MM-DD");
    }
    r.interval_days = optional_count(o, "interval_days", p, 1);
    r.owner = optional_ref(o, "owner", p, teams_);
    return r;
  }

  std::string_view file_;
  IdList teams_{"team", {}}, systems_{"system", {}}, artifacts_{"artifact", {}}, templates_{"template", {}},
      requirements_{"requirement", {}}, steps_{"step", {}}, case_types_{"case type", {}},
      follow_ups_{"follow-up point", {}};
  std::set<std::pair<Index, Index>> pairs_;
  std::set<std::pair<Index, std::string>> labels_;
};

// Line and column (1-based, in characters) of a byte offset.
std::pair<int, int> line_column(std::string_view text, std::size_t offset) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') { ++line; column = 1; }
    else if ((c & 0xC0) != 0x80) ++column;  // count characters, not UTF-8 continuation bytes
  }
  return {line, column};
}

std::string syntax_message(const boost::system::error_code& ec) {
  if (ec == json::error::too_deep) return "JSON nested deeper than " + std::to_string(max_depth) + " levels";
  return "JSON syntax error: " + ec.message();
}

}  // namespace

std::shared_ptr<const Workflow> load_workflow(std::string_view text, std::string_view file) {
  const std::string file_name(file);
  constexpr std::string_view bom = "\xEF\xBB\xBF";
  std::size_t skip = text.substr(0, 3) == bom ? 3 : 0;
  if (text.find_first_not_of(" \t\r\n", skip) == std::string_view::npos)
    throw LoadError(LoadError::Kind::parse, file_name, "", 1, 1, "the file is empty; a workflow file holds one JSON object");

  json::parse_options options;
  options.max_depth = max_depth;
  json::stream_parser parser({}, options);
  boost::system::error_code ec;
  std::size_t used = parser.write(text.data() + skip, text.size() - skip, ec);
  if (!ec) parser.finish(ec);
  if (ec) {
    auto [line, column] = line_column(text, skip + used);
    std::string message = syntax_message(ec);
    if (ec == json::error::syntax && !text.empty() && skip + used < text.size()) {
      const auto c = static_cast<unsigned char>(text[skip + used]);
      if (c >= 0x80) message = "invalid UTF-8 in the file";
    }
    throw LoadError(LoadError::Kind::parse, file_name, "", line, column, message);
  }
  const json::value root = parser.release();
  if (!root.is_object()) {
    auto [line, column] = line_column(text, text.find_first_not_of(" \t\r\n", skip));
    throw LoadError(LoadError::Kind::invalid, file_name, "", line, column,
                    "a workflow file must hold one JSON object, not " + std::string(type_name(root)));
  }
  return Workflow::make(Loader(file_name).load(root));
}

std::shared_ptr<const Workflow> load_workflow_file(const std::filesystem::path& path) {
  const std::string name = path.string();
  std::error_code fs_error;
  if (std::filesystem::is_directory(path, fs_error))
    throw LoadError(LoadError::Kind::io, name, "", 0, 0, "is a folder, not a workflow file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw LoadError(LoadError::Kind::io, name, "", 0, 0, "cannot open the file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw LoadError(LoadError::Kind::io, name, "", 0, 0, "cannot read the file");
  return load_workflow(buffer.str(), name);
}

}  // namespace baton
