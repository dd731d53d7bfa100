// Loader for workflow format v1. Every rule of workflow-format.md is checked
// here, once; the first breach ends the load with a LoadError that names the
// place, so nothing is ever half loaded.
#include <baton/json.hpp>
#include <baton/load.hpp>

#include "json_loader.hpp"

#include <boost/json.hpp>

#ifdef __linux__
#include <sys/mman.h>
#endif

#include <algorithm>
#include <fstream>
#include <span>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

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

// "FILE:LINE:COLUMN" or "FILE:POINTER", escaped so that it stays on one line.
std::string place_of(const std::string& file, const std::string& pointer, int line, int column) {
  std::string where = file.empty() ? std::string("<input>") : printable(file);
  if (line > 0) return where + ":" + std::to_string(line) + ":" + std::to_string(column);
  return where + ":" + printable(pointer);
}

}  // namespace

LoadError::LoadError(Kind kind, std::string file, std::string pointer, int line, int column,
                     std::string message)
    : std::runtime_error(place_of(file, pointer, line, column) + ": " + message),
      kind_(kind), file_(std::move(file)), pointer_(std::move(pointer)), line_(line), column_(column),
      message_(std::move(message)) {}

std::string LoadError::place() const { return place_of(file_, pointer_, line_, column_); }

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

// Where a value is in the document: a chain of member names and array
// indices up to the root. A Place becomes a JSON Pointer only when an error
// names it, so loading a good file builds no pointer strings. A Place refers
// to its parent: keep only places made from named ones.
class Place {
 public:
  Place() = default;
  Place operator/(std::string_view key) const { return Place(this, key, npos); }
  Place operator/(std::size_t index) const { return Place(this, {}, index); }

  std::string pointer() const {
    std::vector<const Place*> chain;
    for (const Place* at = this; at->parent_; at = at->parent_) chain.push_back(at);
    std::string out;
    for (auto at = chain.rbegin(); at != chain.rend(); ++at)
      out += "/" + ((*at)->index_ == npos ? escape_token((*at)->key_) : std::to_string((*at)->index_));
    return out;
  }

 private:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  Place(const Place* parent, std::string_view key, std::size_t index) : parent_(parent), key_(key), index_(index) {}

  const Place* parent_ = nullptr;
  std::string_view key_;
  std::size_t index_ = npos;
};

std::string_view type_name(const json::value& v) {
  switch (v.kind()) {
    case json::kind::null: return "null";
    case json::kind::bool_: return "a boolean";
    case json::kind::int64:
    case json::kind::uint64: return "a number";
    case json::kind::double_: return "a decimal number";
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

// Ids of one list, for resolving references to it. The keys point into the
// parsed document, which outlives the Loader.
struct IdList {
  std::string_view what;  // "team", "step", ...
  std::unordered_map<std::string_view, Index> index;
};

// A transition's label and the step it leaves, for the rule that labels are
// unique among the transitions leaving one step.
struct LabelKey {
  Index from;
  std::string_view label;
  friend bool operator==(const LabelKey&, const LabelKey&) = default;
};
struct LabelKeyHash {
  std::size_t operator()(const LabelKey& k) const {
    return std::hash<std::string_view>{}(k.label) ^ (k.from * 0x9E3779B97F4A7C15ull);
  }
};

class Loader {
 public:
  explicit Loader(std::string_view file) : file_(file) {}

  WorkflowParts load(const json::object& top) {
    check_format_version(top);
    WorkflowParts w;
    w.id = id(top, "id", root_);
    w.name = text(top, "name", root_);
    w.version = optional_text(top, "version", root_);
    w.language = optional_text(top, "language", root_);
    w.description = optional_text(top, "description", root_);

    // References may point forward (a step to a requirement, a requirement to
    // a case type), so every list's ids are known before anything is resolved.
    collect_ids(top, "teams", teams_);
    collect_ids(top, "systems", systems_);
    collect_ids(top, "artifacts", artifacts_);
    collect_ids(top, "templates", templates_);
    collect_ids(top, "requirements", requirements_);
    require(top, "steps", root_);
    collect_ids(top, "steps", steps_);
    collect_ids(top, "case_types", case_types_);
    collect_ids(top, "follow_up", follow_ups_);

    each(top, "teams", w.teams, [&](const json::object& o, const Place& p) { return team(o, p); });
    each(top, "systems", w.systems, [&](const json::object& o, const Place& p) {
      return System{std::string(id(o, "id", p)), text(o, "name", p)};
    });
    each(top, "artifacts", w.artifacts, [&](const json::object& o, const Place& p) {
      return Artifact{std::string(id(o, "id", p)), text(o, "name", p), optional_text(o, "kind", p)};
    });
    each(top, "templates", w.templates, [&](const json::object& o, const Place& p) {
      return Template{std::string(id(o, "id", p)), text(o, "name", p), optional_ref(o, "system", p, systems_)};
    });
    each(top, "steps", w.steps, [&](const json::object& o, const Place& p) { return step(o, p, w); });
    if (w.steps.empty()) fail(root_ / "steps", "a workflow needs at least one step");
    require(top, "transitions", root_);
    each(top, "transitions", w.transitions, [&](const json::object& o, const Place& p) { return transition(o, p, w); });
    check_structure(w);
    each(top, "requirements", w.requirements, [&](const json::object& o, const Place& p) {
      return requirement(o, p, w);
    });
    index_outgoing(w);
    each(top, "case_types", w.case_types, [&](const json::object& o, const Place& p) { return case_type(o, p, w); });
    each(top, "follow_up", w.follow_up, [&](const json::object& o, const Place& p) {
      return FollowUp{std::string(id(o, "id", p)), text(o, "question", p), refs(o, "steps", p, steps_),
                      optional_count(o, "every_days", p, 1, max_duration_days), optional_text(o, "source", p),
                      optional_ref(o, "owner", p, teams_), optional_date(o, "last_done", p)};
    });
    if (const json::value* v = top.if_contains("review")) {
      const Place rp = root_ / "review";
      w.review = review(object(*v, rp), rp);
    }
    return w;
  }

  [[noreturn]] void fail(const Place& place, std::string message) const {
    throw LoadError(LoadError::Kind::invalid, std::string(file_), place.pointer(), 0, 0, std::move(message));
  }

 private:
  // --- members of one object -------------------------------------------

  const json::object& object(const json::value& v, const Place& p) const {
    if (!v.is_object()) fail(p, "must be an object, not " + std::string(type_name(v)));
    return v.get_object();
  }

  const json::value& require(const json::object& o, std::string_view key, const Place& p) const {
    const json::value* v = o.if_contains(key);
    if (!v) fail(p / key, "the required member \"" + std::string(key) + "\" is missing");
    return *v;
  }

  // The text of a string value, in the parsed document.
  std::string_view string_value(const json::value& v, const Place& p) const {
    if (!v.is_string()) fail(p, "must be a string, not " + std::string(type_name(v)));
    const json::string& s = v.get_string();
    if (s.size() > max_text_bytes) fail(p, "text longer than 1 MiB");
    // The C ABI hands texts out NUL-terminated: one inside would cut them.
    if (s.find('\0') != json::string::npos) fail(p, "text contains a NUL character (\\u0000)");
    return {s.data(), s.size()};
  }

  std::string text(const json::object& o, std::string_view key, const Place& p) const {
    return std::string(string_value(require(o, key, p), p / key));
  }

  std::optional<std::string> optional_text(const json::object& o, std::string_view key, const Place& p) const {
    const json::value* v = o.if_contains(key);
    if (!v) return std::nullopt;
    return std::string(string_value(*v, p / key));
  }

  std::string_view id_value(const json::value& v, const Place& p) const {
    const std::string_view s = string_value(v, p);
    if (!valid_id(s)) fail(p, shown(s) + " is not a valid id (1 to 128 characters from A-Z a-z 0-9 . _ -)");
    return s;
  }

  std::string_view id(const json::object& o, std::string_view key, const Place& p) const {
    return id_value(require(o, key, p), p / key);
  }

  const json::array* optional_array(const json::object& o, std::string_view key, const Place& p) const {
    const json::value* v = o.if_contains(key);
    if (!v) return nullptr;
    if (!v->is_array()) fail(p / key, "must be an array, not " + std::string(type_name(*v)));
    return &v->get_array();
  }

  std::vector<std::string> texts(const json::object& o, std::string_view key, const Place& p) const {
    std::vector<std::string> out;
    if (const json::array* a = optional_array(o, key, p)) {
      const Place ap = p / key;
      out.reserve(a->size());
      for (std::size_t i = 0; i < a->size(); ++i) out.emplace_back(string_value((*a)[i], ap / i));
    }
    return out;
  }

  Index resolve(std::string_view id, const Place& p, const IdList& list) const {
    auto it = list.index.find(id);
    if (it == list.index.end()) fail(p, "no " + std::string(list.what) + " has the id " + shown(id));
    return it->second;
  }

  Index ref(const json::object& o, std::string_view key, const Place& p, const IdList& list) const {
    const Place kp = p / key;
    return resolve(id_value(require(o, key, p), kp), kp, list);
  }

  std::optional<Index> optional_ref(const json::object& o, std::string_view key, const Place& p,
                                    const IdList& list) const {
    if (!o.contains(key)) return std::nullopt;
    return ref(o, key, p, list);
  }

  std::vector<Index> refs(const json::object& o, std::string_view key, const Place& p, const IdList& list) const {
    std::vector<Index> out;
    if (const json::array* a = optional_array(o, key, p)) {
      const Place ap = p / key;
      out.reserve(a->size());
      for (std::size_t i = 0; i < a->size(); ++i) {
        const Place ip = ap / i;
        out.push_back(resolve(id_value((*a)[i], ip), ip, list));
      }
    }
    return out;
  }

  std::optional<Date> optional_date(const json::object& o, std::string_view key, const Place& p) const {
    const json::value* v = o.if_contains(key);
    if (!v) return std::nullopt;
    const Place dp = p / key;
    const std::string_view s = string_value(*v, dp);
    auto date = Date::parse(s);
    if (!date) fail(dp, shown(s) + " is not a date YYYY-MM-DD");
    return date;
  }

  std::optional<std::int64_t> optional_count(const json::object& o, std::string_view key, const Place& p,
                                             std::int64_t least, std::int64_t most) const {
    const json::value* v = o.if_contains(key);
    if (!v) return std::nullopt;
    const Place vp = p / key;
    std::int64_t n = 0;
    if (v->is_int64()) n = v->get_int64();
    else if (v->is_uint64()) fail(vp, "number too large");
    else fail(vp, "must be a whole number, not " + std::string(type_name(*v)));
    if (n < least) fail(vp, "must be at least " + std::to_string(least));
    if (n > most) fail(vp, "must be at most " + std::to_string(most));
    return n;
  }

  template <class Enum, std::size_t N>
  Enum choice(const json::object& o, std::string_view key, const Place& p, Enum fallback,
              const std::pair<std::string_view, Enum> (&names)[N]) const {
    const json::value* v = o.if_contains(key);
    if (!v) return fallback;
    const Place kp = p / key;
    const std::string_view s = string_value(*v, kp);
    std::string allowed;
    for (const auto& [name, value] : names) {
      if (s == name) return value;
      allowed += (allowed.empty() ? "\"" : ", \"") + std::string(name) + "\"";
    }
    fail(kp, shown(s) + " is not one of " + allowed);
  }

  Duration duration(const json::value& v, const Place& p) const {
    const std::string_view s = string_value(v, p);
    auto d = Duration::parse(s);
    if (!d) fail(p, shown(s) + " is not an ISO 8601 duration such as \"PT24H\" or \"P4M\"");
    if (d->static_seconds() > max_duration_seconds)
      fail(p, shown(s) + " is longer than 1000 years (a year counted as 365 days), the longest duration allowed");
    return *d;
  }

  // --- lists -----------------------------------------------------------

  // Calls `make` for each object of the top-level list `key` and appends what
  // it returns to `out`.
  template <class T, class F>
  void each(const json::object& top, std::string_view key, std::vector<T>& out, F&& make) const {
    const json::array* a = optional_array(top, key, root_);
    if (!a) return;
    const Place lp = root_ / key;
    out.reserve(a->size());
    for (std::size_t i = 0; i < a->size(); ++i) {
      const Place p = lp / i;
      out.push_back(make(object((*a)[i], p), p));
    }
  }

  void collect_ids(const json::object& top, std::string_view key, IdList& list) const {
    const json::array* a = optional_array(top, key, root_);
    if (!a) return;
    const Place lp = root_ / key;
    list.index.reserve(a->size());
    for (std::size_t i = 0; i < a->size(); ++i) {
      const Place p = lp / i;
      const std::string_view s = id(object((*a)[i], p), "id", p);
      if (!list.index.emplace(s, i).second)
        fail(p / "id", "another " + std::string(list.what) + " already has the id \"" + std::string(s) + "\"");
    }
  }

  void check_format_version(const json::object& top) const {
    const json::value& v = require(top, "baton", root_);
    const Place vp = root_ / "baton";
    if (!v.is_int64() && !v.is_uint64())
      fail(vp, "must be the integer 1 (the format version), not " + std::string(type_name(v)));
    if (!(v.is_int64() && v.get_int64() == 1))
      fail(vp, "format version " + json::serialize(v) + " is not supported; this baton reads version 1");
  }

  Team team(const json::object& o, const Place& p) const {
    return Team{std::string(id(o, "id", p)), text(o, "name", p), texts(o, "roles", p)};
  }

  void check_role(Index team, const std::string& role, const Place& p, const WorkflowParts& w) const {
    const Team& t = w.teams.at(team);
    if (!t.roles.empty() && std::find(t.roles.begin(), t.roles.end(), role) == t.roles.end())
      fail(p, "team \"" + t.id + "\" has no role " + shown(role));
  }

  // A gateway only routes (workflow-format.md): whatever describes work is a
  // mistake in it, not something to ignore.
  void refuse_work_members(const json::object& o, const Place& p, const std::string& step) const {
    static constexpr std::string_view work[] = {"team",   "role", "description", "reads",     "writes",
                                                "checks", "it",   "templates",   "satisfies", "duration"};
    for (std::string_view key : work)
      if (o.contains(key))
        fail(p / key, "gateway \"" + step + "\" only routes and can have no \"" + std::string(key) + "\"");
  }

  Step step(const json::object& o, const Place& p, const WorkflowParts& w) const {
    static constexpr std::pair<std::string_view, StepKind> kinds[] = {
        {"start", StepKind::start}, {"task", StepKind::task}, {"control", StepKind::control},
        {"decision", StepKind::decision}, {"gateway", StepKind::gateway}, {"end", StepKind::end}};
    static constexpr std::pair<std::string_view, Gate> gates[] = {{"xor", Gate::exclusive}, {"and", Gate::parallel}};
    Step s;
    s.id = id(o, "id", p);
    s.name = text(o, "name", p);
    s.kind = choice(o, "kind", p, StepKind::task, kinds);
    if (s.kind == StepKind::gateway) refuse_work_members(o, p, s.id);
    s.description = optional_text(o, "description", p);
    s.team = optional_ref(o, "team", p, teams_);
    s.role = optional_text(o, "role", p);
    if (s.role) {
      const Place rp = p / "role";
      if (!s.team) fail(rp, "a role needs a team: step \"" + s.id + "\" has a role but no team");
      check_role(*s.team, *s.role, rp, w);
    }
    s.join = choice(o, "join", p, Gate::exclusive, gates);
    s.split = choice(o, "split", p, Gate::exclusive, gates);
    s.reads = refs(o, "reads", p, artifacts_);
    s.writes = refs(o, "writes", p, artifacts_);
    if (const json::array* a = optional_array(o, "checks", p)) {
      const Place cs = p / "checks";
      s.checks.reserve(a->size());
      for (std::size_t i = 0; i < a->size(); ++i) {
        const Place cp = cs / i;
        const json::object& c = object((*a)[i], cp);
        s.checks.push_back({ref(c, "artifact", cp, artifacts_), optional_text(c, "aspect", cp).value_or("*")});
      }
    }
    if (s.kind == StepKind::control && s.checks.empty())
      fail(p / "checks", "control step \"" + s.id + "\" must say what it checks (at least one entry in \"checks\")");
    if (const json::value* v = o.if_contains("it")) {
      const Place ip = p / "it";
      const json::object& it = object(*v, ip);
      s.it = ItSupport{optional_ref(it, "system", ip, systems_), optional_text(it, "function", ip),
                       refs(it, "records", ip, artifacts_)};
    }
    s.templates = refs(o, "templates", p, templates_);
    s.satisfies = refs(o, "satisfies", p, requirements_);
    s.tags = texts(o, "tags", p);
    if (const json::value* v = o.if_contains("duration")) s.duration = duration(*v, p / "duration");
    s.log_names = texts(o, "log_names", p);
    return s;
  }

  Transition transition(const json::object& o, const Place& p, const WorkflowParts& w) {
    Transition t;
    t.from = ref(o, "from", p, steps_);
    t.to = ref(o, "to", p, steps_);
    std::string_view label;
    if (const json::value* v = o.if_contains("label")) {
      label = string_value(*v, p / "label");
      t.label = std::string(label);
    }
    if (const json::value* v = o.if_contains("handover")) {
      const Place hp = p / "handover";
      const json::object& h = object(*v, hp);
      Handover handover{optional_text(h, "how", hp), std::nullopt};
      if (const json::value* r = h.if_contains("responsible")) {
        const Place rp = hp / "responsible";
        const json::object& ro = object(*r, rp);
        Responsible who{ref(ro, "team", rp, teams_), optional_text(ro, "role", rp)};
        if (who.role) check_role(who.team, *who.role, rp / "role", w);
        handover.responsible = std::move(who);
      }
      t.handover = std::move(handover);
    }
    const std::string& from = w.steps[t.from].id;
    // Indices are below the number of steps, so the pair's key is unique.
    if (!pairs_.insert(t.from * w.steps.size() + t.to).second)
      fail(p, "a second transition from \"" + from + "\" to \"" + w.steps[t.to].id + "\"");
    if (t.label && !labels_.insert({t.from, label}).second)
      fail(p / "label", "two transitions leave \"" + from + "\" with the label " + shown(*t.label));
    return t;
  }

  void check_structure(const WorkflowParts& w) const {
    std::optional<Index> start;
    bool has_end = false;
    const Place steps = root_ / "steps";
    for (Index i = 0; i < w.steps.size(); ++i) {
      if (w.steps[i].kind == StepKind::start) {
        if (start)
          fail(steps / i / "kind", "a second start step (\"" + w.steps[*start].id + "\" is one); a workflow has exactly one");
        start = i;
      }
      has_end = has_end || w.steps[i].kind == StepKind::end;
    }
    if (!start) fail(steps, "no step has kind \"start\"; a workflow has exactly one");
    if (!has_end) fail(steps, "no step has kind \"end\"; a workflow needs at least one");
    const Place transitions = root_ / "transitions";
    for (Index t = 0; t < w.transitions.size(); ++t) {
      const Transition& tr = w.transitions[t];
      if (w.steps[tr.to].kind == StepKind::start)
        fail(transitions / t / "to", "start step \"" + w.steps[tr.to].id + "\" cannot have an incoming transition");
      if (w.steps[tr.from].kind == StepKind::end)
        fail(transitions / t / "from", "end step \"" + w.steps[tr.from].id + "\" cannot have an outgoing transition");
    }
  }

  Selector selector(const json::object& o, std::string_view key, const Place& p, const WorkflowParts& w) const {
    const Place sp = p / key;
    Selector sel{std::string(string_value(require(o, key, p), sp)), {}};
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

  Requirement requirement(const json::object& o, const Place& p, const WorkflowParts& w) const {
    Requirement r{std::string(id(o, "id", p)), text(o, "text", p), optional_text(o, "source", p), std::nullopt,
                  std::nullopt};
    if (o.contains("case_types")) {
      r.case_types = refs(o, "case_types", p, case_types_);
      // A repeat would ask every question of the case type again.
      for (std::size_t i = 0; i < r.case_types->size(); ++i)
        if (std::find(r.case_types->begin(), r.case_types->begin() + i, (*r.case_types)[i]) != r.case_types->begin() + i)
          fail(p / "case_types" / i,
               "the case type " + shown(o.at("case_types").get_array()[i].get_string()) + " is listed twice");
    }
    if (const json::value* v = o.if_contains("rule")) {
      static constexpr std::pair<std::string_view, RuleType> types[] = {
          {"existence", RuleType::existence}, {"precedence", RuleType::precedence}, {"response", RuleType::response}};
      const Place rp = p / "rule";
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
        const Place dp = rp / "within";
        if (rule.type != RuleType::response) fail(dp, "only a response rule has a deadline (\"within\")");
        rule.within = duration(*d, dp);
      }
      r.rule = std::move(rule);
    }
    return r;
  }

  // The transitions leaving each step, in file order, as one array with a
  // start offset per step (case-type choices look them up).
  void index_outgoing(const WorkflowParts& w) {
    out_start_.assign(w.steps.size() + 1, 0);
    for (const Transition& t : w.transitions) ++out_start_[t.from + 1];
    for (Index s = 0; s < w.steps.size(); ++s) out_start_[s + 1] += out_start_[s];
    out_.resize(w.transitions.size());
    std::vector<Index> next(out_start_.begin(), out_start_.end() - 1);
    for (Index t = 0; t < w.transitions.size(); ++t) out_[next[w.transitions[t].from]++] = t;
  }

  std::span<const Index> outgoing(Index step) const {
    return {out_.data() + out_start_[step], out_.data() + out_start_[step + 1]};
  }

  CaseType case_type(const json::object& o, const Place& p, const WorkflowParts& w) const {
    CaseType c{std::string(id(o, "id", p)), text(o, "name", p), optional_text(o, "description", p), {}};
    if (const json::value* v = o.if_contains("choices")) {
      const Place cp = p / "choices";
      const json::object& choices = object(*v, cp);
      c.choices.reserve(choices.size());
      for (const auto& [key, value] : choices) {
        const Place kp = cp / key;
        auto it = steps_.index.find(key);
        if (it == steps_.index.end()) fail(kp, "no step has the id " + shown(key));
        const Index s = it->second;
        const Step& step = w.steps[s];
        const std::string_view written = string_value(value, kp);
        const auto out = outgoing(s);
        if (step.split != Gate::exclusive || out.size() < 2)
          fail(kp, "step \"" + step.id + "\" is no XOR split, so a case type cannot choose there");
        // A label names a transition first; a target step id second.
        auto pick = std::find_if(out.begin(), out.end(), [&](Index t) { return w.transitions[t].label == written; });
        if (pick == out.end())
          pick = std::find_if(out.begin(), out.end(), [&](Index t) { return w.steps[w.transitions[t].to].id == written; });
        if (pick == out.end())
          fail(kp, "no transition leaves \"" + step.id + "\" with the label or target " + shown(written));
        c.choices.push_back({s, *pick, std::string(written)});
      }
    }
    return c;
  }

  Review review(const json::object& o, const Place& p) const {
    Review r;
    r.last_reviewed = optional_date(o, "last_reviewed", p);
    r.interval_days = optional_count(o, "interval_days", p, 1, max_duration_days);
    r.owner = optional_ref(o, "owner", p, teams_);
    return r;
  }

  std::string_view file_;
  const Place root_;
  IdList teams_{"team", {}}, systems_{"system", {}}, artifacts_{"artifact", {}}, templates_{"template", {}},
      requirements_{"requirement", {}}, steps_{"step", {}}, case_types_{"case type", {}},
      follow_ups_{"follow-up point", {}};
  std::unordered_set<Index> pairs_;  // from * steps + to, of each transition so far
  std::unordered_set<LabelKey, LabelKeyHash> labels_;
  std::vector<Index> out_start_, out_;
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

// Memory for the parsed document of a large file. The document is several
// times the size of its text and touched once; on a virtual machine the page
// faults of fresh 4 KiB pages cost more than the parse itself, so a large
// document gets one mapping backed by huge pages where the kernel allows it
// (measured: 36 MB of JSON parsed in 0.08 s instead of 0.41 s). What does not
// fit goes on to the default allocator.
class DocumentMemory {
 public:
  explicit DocumentMemory(std::size_t text_bytes) {
#ifdef __linux__
    constexpr std::size_t worth_it = std::size_t{4} << 20;
    if (text_bytes < worth_it) return;
    size_ = text_bytes * 4;
    void* p = mmap(nullptr, size_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return;
    base_ = static_cast<unsigned char*>(p);
    madvise(base_, size_, MADV_HUGEPAGE);  // advice only: without it the mapping still works
#endif
    static_cast<void>(text_bytes);
  }
  DocumentMemory(const DocumentMemory&) = delete;
  DocumentMemory& operator=(const DocumentMemory&) = delete;
  ~DocumentMemory() {
#ifdef __linux__
    if (base_) munmap(base_, size_);
#endif
  }

  // An arena over this memory (or over the default allocator when there is none).
  json::monotonic_resource arena() const {
    return base_ ? json::monotonic_resource(base_, size_) : json::monotonic_resource();
  }

 private:
  unsigned char* base_ = nullptr;
  std::size_t size_ = 0;
};

std::string syntax_message(const boost::system::error_code& ec) {
  if (ec == json::error::too_deep) return "JSON nested deeper than " + std::to_string(max_depth) + " levels";
  return "JSON syntax error: " + ec.message();
}

}  // namespace

std::shared_ptr<const Workflow> load_workflow(std::string_view text, std::string_view file) {
  const std::string file_name(file);
  // A byte order mark is no part of the JSON, nor a column of the first line.
  constexpr std::string_view bom = "\xEF\xBB\xBF";
  if (text.starts_with(bom)) text.remove_prefix(bom.size());
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos)
    throw LoadError(LoadError::Kind::parse, file_name, "", 1, 1, "the file is empty; a workflow file holds one JSON object");

  json::parse_options options;
  options.max_depth = max_depth;
  // The document lives only while loading: one arena, freed at once.
  const DocumentMemory memory(text.size());
  json::monotonic_resource arena = memory.arena();
  json::stream_parser parser({}, options);
  parser.reset(&arena);
  boost::system::error_code ec;
  std::size_t used = parser.write(text.data(), text.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) {
    auto [line, column] = line_column(text, used);
    std::string message = syntax_message(ec);
    if (ec == json::error::syntax && used < text.size() && static_cast<unsigned char>(text[used]) >= 0x80)
      message = "invalid UTF-8 in the file";
    throw LoadError(LoadError::Kind::parse, file_name, "", line, column, message);
  }
  const json::value root = parser.release();
  if (!root.is_object()) {
    auto [line, column] = line_column(text, first);
    throw LoadError(LoadError::Kind::invalid, file_name, "", line, column,
                    "a workflow file must hold one JSON object, not " + std::string(type_name(root)));
  }
  return Workflow::make(Loader(file_name).load(root.get_object()));
}

std::shared_ptr<const Workflow> load_workflow_file(const std::filesystem::path& path) {
  return read_workflow_file(path).workflow;
}

namespace detail {

WorkflowParts load_parts(const json::object& document, std::string_view file) {
  return Loader(file).load(document);
}

std::string shown_text(std::string_view text) { return shown(text); }

std::string read_file(const std::filesystem::path& path) {
  const std::string name = path.string();
  std::error_code fs_error;
  if (std::filesystem::is_directory(path, fs_error))
    throw LoadError(LoadError::Kind::io, name, "", 0, 0, "is a folder, not a workflow file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw LoadError(LoadError::Kind::io, name, "", 0, 0, "cannot open the file");
  // Read in one piece where the size is known; a stream through a string
  // buffer copies a large file several times over.
  std::string text;
  const bool regular = std::filesystem::is_regular_file(path, fs_error);
  const auto size = regular ? std::filesystem::file_size(path, fs_error) : 0;
  if (regular && !fs_error) {
    text.resize(size);
    in.read(text.data(), static_cast<std::streamsize>(size));
    text.resize(static_cast<std::size_t>(in.gcount()));
  } else {
    std::ostringstream buffer;  // a pipe or device: its size is not known beforehand
    buffer << in.rdbuf();
    text = std::move(buffer).str();
  }
  if (in.bad()) throw LoadError(LoadError::Kind::io, name, "", 0, 0, "cannot read the file");
  return text;
}

}  // namespace detail

}  // namespace baton
