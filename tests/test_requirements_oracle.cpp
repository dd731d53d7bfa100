// The requirement analyses against the exhaustive oracle on random small
// workflows with random rules. Violation checks never miss and show only real
// runs: whatever the oracle sees break a rule within its bound is found;
// every run shown replays on the oracle and breaks the rule as
// workflow-format.md words it, so nothing reported is false; and where the
// oracle saw every run, the two agree exactly. The deadline figures are
// compared with the longest chain of steps the oracle finds in the causal
// order of each run, and case types with those that have a complete run.
#include "oracle/oracle.hpp"
#include "oracle/random_workflow.hpp"
#include "support.hpp"

#include <baton/dataflow.hpp>
#include <baton/requirements.hpp>
#include <baton/semantics.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <limits>
#include <set>
#include <sstream>
#include <utility>

using namespace baton;
using namespace baton::test;

namespace {

constexpr std::uint64_t limit = 5'000;
constexpr int run_length = 12;
constexpr long runs_per_scope = 3'000;

// --- random requirements --------------------------------------------------------

// Adds an existence, a precedence and a response rule (with `within`, or
// without) to a random workflow; selectors name steps or tags, and some
// requirements hold for the workflow's case type only.
std::string with_random_requirements(const std::string& json, std::mt19937& rng) {
  auto doc = boost::json::parse(json).as_object();
  std::vector<std::string> selectors;
  for (const auto& s : doc["steps"].as_array()) {
    selectors.emplace_back(s.at("id").as_string());
    if (const auto* tags = s.as_object().if_contains("tags"))
      for (const auto& t : tags->as_array()) selectors.emplace_back(t.as_string());
  }
  const auto pick = [&] { return selectors[std::uniform_int_distribution<std::size_t>(0, selectors.size() - 1)(rng)]; };
  const auto chance = [&](double p) { return std::bernoulli_distribution(p)(rng); };
  boost::json::array requirements;
  const auto add = [&](boost::json::object rule) {
    boost::json::object r{{"id", "r" + std::to_string(requirements.size())}, {"text", "Krav"}, {"rule", std::move(rule)}};
    if (chance(0.4)) r["case_types"] = boost::json::array{"ct"};
    requirements.push_back(std::move(r));
  };
  add({{"type", "existence"}, {"steps", pick()}});
  add({{"type", "precedence"}, {"first", pick()}, {"then", pick()}});
  boost::json::object response{{"type", "response"}, {"first", pick()}, {"then", pick()}};
  if (chance(0.8)) response["within"] = "P" + std::to_string(std::uniform_int_distribution<int>(1, 40)(rng)) + "D";
  add(std::move(response));
  if (chance(0.5)) add({{"type", "response"}, {"first", pick()}, {"then", pick()}, {"within", "P20D"}});
  doc["requirements"] = std::move(requirements);
  return boost::json::serialize(doc);
}

// --- what the oracle sees ---------------------------------------------------------

bool any_in(const std::vector<bool>& marks, std::span<const Index> run) {
  return std::any_of(run.begin(), run.end(), [&](Index s) { return marks[s]; });
}

std::vector<bool> marks(const Workflow& wf, const Selector& selector) {
  std::vector<bool> out(wf.steps().size());
  for (Index s : selector.steps) out[s] = true;
  return out;
}

// The steps a rule's selectors match.
struct Marks {
  std::vector<bool> first, then;
  Marks(const Workflow& wf, const Rule& rule) : first(marks(wf, rule.first)), then(marks(wf, rule.then)) {}
};

// Whether one firing sequence breaks the rule (workflow-format.md, rule). A
// sequence is one interleaving of a run: a `then` step with no `first` step
// before it in some interleaving has none before it causally either.
bool breaks(const Marks& m, RuleType type, std::span<const Index> run, bool complete) {
  const auto& [first, then] = m;
  switch (type) {
    case RuleType::existence: return complete && !any_in(first, run);
    case RuleType::precedence:
      for (std::size_t i = 0; i < run.size(); ++i)
        if (then[run[i]] && !any_in(first, run.first(i))) return true;
      return false;
    case RuleType::response:
      for (std::size_t i = 0; i < run.size(); ++i)
        if (complete && first[run[i]] && !any_in(then, run.subspan(i + 1))) return true;
      return false;
  }
  return false;
}

// A step occurrence of a run and the occurrences whose transitions it took.
struct Event {
  Index step = 0;
  std::vector<std::size_t> causes;
};

// Every way a firing sequence can have taken and consumed transitions (the
// steps alone do not say which branch an XOR split took or which token an
// XOR join consumed), as the events with their causes.
class Causality {
 public:
  Causality(const Workflow& wf, const CaseType* case_type) : wf_(wf), ways_out_(wf.steps().size()) {
    for (Index s = 0; s < wf.steps().size(); ++s) {
      const auto out = wf.outgoing(s);
      if (wf.step(s).split == Gate::parallel || out.empty()) {
        ways_out_[s].push_back({out.begin(), out.end()});
        continue;
      }
      for (Index t : out) {
        bool allowed = true;
        if (case_type)
          for (const Choice& c : case_type->choices)
            if (c.step == s) allowed = c.transition == t;
        if (allowed) ways_out_[s].push_back({t});
      }
    }
  }

  void each(std::span<const Index> run, const std::function<void(const std::vector<Event>&)>& visit) const {
    std::vector<std::size_t> token(wf_.transitions().size(), none);  // the event that took each transition
    std::vector<Event> events;
    events.reserve(run.size());
    go(run, token, events, visit);
  }

 private:
  static constexpr std::size_t none = std::numeric_limits<std::size_t>::max();

  void go(std::span<const Index> run, std::vector<std::size_t>& token, std::vector<Event>& events,
          const std::function<void(const std::vector<Event>&)>& visit) const {
    if (events.size() == run.size()) return visit(events);
    const Index step = run[events.size()];
    const auto in = wf_.incoming(step);
    const auto take = [&](std::span<const Index> consumed) {
      events.push_back({step, {}});
      for (Index t : consumed) events.back().causes.push_back(std::exchange(token[t], none));
      for (const auto& produced : ways_out_[step]) {
        // Runs stop where a transition is taken twice (the oracle's too): only
        // the last step may take one that holds a token.
        const bool doubles = std::any_of(produced.begin(), produced.end(), [&](Index t) { return token[t] != none; });
        if (doubles && events.size() < run.size()) continue;
        std::vector<std::size_t> held;
        for (Index t : produced) held.push_back(std::exchange(token[t], events.size() - 1));
        go(run, token, events, visit);
        for (std::size_t k = 0; k < produced.size(); ++k) token[produced[k]] = held[k];
      }
      for (std::size_t k = 0; k < consumed.size(); ++k) token[consumed[k]] = events.back().causes[k];
      events.pop_back();
    };
    const auto holds = [&](Index t) { return token[t] != none; };
    if (events.empty()) take({});
    else if (wf_.step(step).join == Gate::parallel) {
      if (!in.empty() && std::all_of(in.begin(), in.end(), holds)) take(in);
    } else
      for (const Index& t : in)
        if (holds(t)) take(std::span(&t, 1));
  }

  const Workflow& wf_;
  std::vector<std::vector<std::vector<Index>>> ways_out_;  // per step, the transitions each way out takes
};

// The deadline of a response rule as the oracle sees it: for every occurrence
// f of a first step and every then occurrence t after it with no then
// occurrence in between (causally), the longest chain of causes ending at t
// among the events that are not f or before it, each taking its duration.
struct Deadline {
  bool answered = false;       // some such f and t exist
  std::int64_t longest = 0;
  std::set<Index> in_between;  // steps of the events in such chains
};

using Mask = std::uint32_t;  // the events of a run of at most 32 steps
constexpr std::size_t most_events = 32;
static_assert(run_length <= most_events);

void time_events(const Workflow& wf, const Marks& m, const std::vector<Event>& events, bool only_last, Deadline& out) {
  const auto& [first, then] = m;
  std::array<Mask, most_events> before{};  // the events strictly before each one
  for (std::size_t e = 0; e < events.size(); ++e)
    for (std::size_t c : events[e].causes) before[e] |= before[c] | Mask{1} << c;
  for (std::size_t f = 0; f < events.size(); ++f) {
    if (!first[events[f].step]) continue;
    const Mask not_after = before[f] | Mask{1} << f;
    for (std::size_t t = only_last ? events.size() - 1 : f + 1; t < events.size(); ++t) {
      const auto after_f = [&](std::size_t e) { return (before[e] >> f) & 1U; };
      if (!then[events[t].step] || !after_f(t)) continue;
      bool next = true;
      for (std::size_t e = f + 1; e < t; ++e) next = next && !(then[events[e].step] && after_f(e) && ((before[t] >> e) & 1U));
      if (!next) continue;
      const Mask region = (before[t] | Mask{1} << t) & ~not_after;
      std::array<std::int64_t, most_events> until{};
      for (std::size_t e = 0; e <= t; ++e) {
        if (!((region >> e) & 1U)) continue;
        for (std::size_t c : events[e].causes)
          if ((region >> c) & 1U) until[e] = std::max(until[e], until[c]);
        const auto& d = wf.step(events[e].step).duration;
        until[e] += d ? d->static_seconds() : 0;
        out.in_between.insert(events[e].step);
      }
      out.answered = true;
      out.longest = std::max(out.longest, until[t]);
    }
  }
}

// The firing sequences of one scope, enumerated once.
struct Runs {
  std::vector<OracleRun> all;
  bool truncated = false;  // a run was cut by the bound, or the enumeration by the count
  bool doubled = false;
  bool complete = false;

  explicit Runs(const Oracle& oracle) {
    const bool ended = oracle.for_each_run(
        run_length,
        [&](const OracleRun& run) {
          all.push_back(run);
          truncated = truncated || run.truncated;
          doubled = doubled || run.doubled.has_value();
          complete = complete || run.complete;
        },
        runs_per_scope);
    truncated = truncated || !ended;
  }
};

struct Tally {
  long workflows = 0, scopes = 0, seen_whole = 0;
  long violations[3] = {0, 0, 0};  // existence, precedence, response
  long spans = 0, exceeded = 0, unbounded = 0, undated = 0, spared = 0, incomplete_types = 0, unknown = 0;
  long spared_case_types = 0, spared_incomplete = 0;  // workflows whose case type the graph decided alone
  std::string figures() const {
    std::ostringstream out;
    out << workflows << " workflows, " << scopes << " requirement scopes (" << seen_whole
        << " with every run seen by the oracle): " << violations[0] << " existence, " << violations[1]
        << " precedence and " << violations[2] << " response violations; " << spans << " deadline spans ("
        << exceeded << " exceeded, " << unbounded << " unbounded, " << undated << " with undated steps, " << spared
        << " spared by the graph); "
        << incomplete_types << " incomplete case types (" << spared_case_types << " decided by the graph, "
        << spared_incomplete << " of them incomplete); " << unknown << " stopped at the state limit";
    return out.str();
  }
};

std::string ids(const Workflow& wf, std::span<const Index> run) {
  std::string out;
  for (const std::string& id : step_ids(wf, run)) out += id + " ";
  return out;
}

// Whether `steps` occur in `run` in this order.
bool in_order(std::span<const Index> steps, std::span<const Index> run) {
  auto at = run.begin();
  for (Index s : steps) {
    at = std::find(at, run.end(), s);
    if (at == run.end()) return false;
    ++at;
  }
  return true;
}

// --- the comparisons ---------------------------------------------------------------

struct Subject {
  const Workflow& wf;
  const CaseType* case_type;
  Oracle oracle;
  Runs runs;
  Subject(const Workflow& w, const CaseType* ct) : wf(w), case_type(ct), oracle(w, ct), runs(oracle) {}
};

void compare_rule(Subject& s, Index r, const RuleViolations& found, Tally& tally) {
  const Rule& rule = *s.wf.requirements()[r].rule;
  const Marks m(s.wf, rule);
  const std::optional<Index> scope = s.case_type ? std::optional<Index>(0) : std::nullopt;
  const auto violation = std::find_if(found.found.begin(), found.found.end(), [&](const RuleViolation& v) {
    return v.requirement == r && v.case_type == scope;
  });
  const auto seen = std::find_if(s.runs.all.begin(), s.runs.all.end(),
                                 [&](const OracleRun& run) { return breaks(m, rule.type, run.steps, run.complete); });
  INFO("requirement r" << r << (scope ? " for the case type" : ""));
  if (seen != s.runs.all.end()) {
    INFO("the oracle's run: " << ids(s.wf, seen->steps));
    CHECK(violation != found.found.end());  // no miss
  }
  if (violation == found.found.end()) return;
  ++tally.violations[static_cast<int>(rule.type)];
  // The run shown is real and breaks the rule, at the step named.
  const std::vector<Index>& run = violation->run;
  const bool complete = rule.type != RuleType::precedence;
  INFO("witness: " << ids(s.wf, run));
  CHECK(s.oracle.replays(step_ids(s.wf, run), complete));
  CHECK(breaks(m, rule.type, run, complete));
  if (rule.type == RuleType::precedence) {
    REQUIRE(violation->step);
    CHECK(*violation->step == run.back());
    CHECK(breaks(m, rule.type, run, false));
    CHECK_FALSE(breaks(m, rule.type, std::span(run).first(run.size() - 1), false));
  }
  if (rule.type == RuleType::response) {
    REQUIRE(violation->step);
    const auto last = std::find(run.rbegin(), run.rend(), *violation->step);
    REQUIRE(last != run.rend());
    CHECK_FALSE(any_in(m.then, std::span(last.base(), run.end())));
  }
  if (!s.runs.truncated) CHECK(seen != s.runs.all.end());
}

// What the oracle sees of each rule's deadline, in one pass over the runs.
std::vector<Deadline> oracle_deadlines(const Subject& s, const std::vector<Marks>& rules) {
  std::vector<Deadline> out(rules.size());
  if (rules.empty()) return out;
  const Causality causality(s.wf, s.case_type);
  for (const OracleRun& run : s.runs.all)
    causality.each(run.steps, [&](const std::vector<Event>& events) {
      for (std::size_t k = 0; k < rules.size(); ++k) time_events(s.wf, rules[k], events, false, out[k]);
    });
  return out;
}

void compare_deadline(Subject& s, Index r, const Deadline& seen, const DeadlineSpans& spans, Tally& tally) {
  const Rule& rule = *s.wf.requirements()[r].rule;
  const Marks m(s.wf, rule);
  const std::optional<Index> scope = s.case_type ? std::optional<Index>(0) : std::nullopt;
  const auto span = std::find_if(spans.found.begin(), spans.found.end(), [&](const DeadlineSpan& d) {
    return d.requirement == r && d.case_type == scope;
  });
  INFO("deadline of r" << r << (scope ? " for the case type" : "") << ": the oracle sees "
                       << (seen.answered ? std::to_string(seen.longest) + " s" : "no then step after a first step"));
  if (span == spans.found.end()) {
    CHECK_FALSE(seen.answered);
    return;
  }
  ++tally.spans;
  const std::set<Index> undated(span->undated.begin(), span->undated.end());
  std::set<Index> seen_undated;
  for (Index step : seen.in_between)
    if (!s.wf.step(step).duration) seen_undated.insert(step);
  CHECK(std::includes(undated.begin(), undated.end(), seen_undated.begin(), seen_undated.end()));
  tally.undated += !undated.empty();
  if (!span->loop.empty()) {
    ++tally.unbounded;
    CHECK(s.runs.truncated);  // a loop in between makes runs as long as one likes
    return;
  }
  INFO("the analysis: " << span->longest_seconds << " s along " << ids(s.wf, span->longest) << "in the run "
                        << ids(s.wf, span->run));
  tally.exceeded += span->longest_seconds > rule.within->static_seconds();
  CHECK(seen.longest <= span->longest_seconds);
  if (!s.runs.truncated) {
    CHECK(seen.longest == span->longest_seconds);
    CHECK(undated == seen_undated);
  }
  // The run shown is real, ends at a then step, and takes that long.
  CHECK(s.oracle.replays(step_ids(s.wf, span->run)));
  CHECK(in_order(span->longest, span->run));
  REQUIRE(span->run.size() <= most_events);
  Deadline shown;
  Causality(s.wf, s.case_type).each(span->run, [&](const std::vector<Event>& events) {
    time_events(s.wf, m, events, true, shown);
  });
  CHECK(shown.longest == span->longest_seconds);
  CHECK(span->longest.back() == span->run.back());
  CHECK(m.first[span->longest.front()]);
}

// Where the graph spares the exploration, the deadline and case type checks
// report the same.
void compare_spared(const Workflow& wf, const DeadlineSpans& explored, const CaseTypeCompleteness& completeness,
                    Tally& tally) {
  const StepRelations relations(wf, limit);
  const CaseTypeCompleteness graph_only = find_incomplete_case_types(wf, limit, &relations);
  const auto incomplete = [](const CaseTypeCompleteness& c) {
    std::vector<Index> out;
    for (const IncompleteCaseType& i : c.incomplete) out.push_back(i.case_type);
    return out;
  };
  if (completeness.exhausted && graph_only.exhausted) CHECK(incomplete(completeness) == incomplete(graph_only));
  if (relations.block_structured() && wf.ends().size() == 1) {
    ++tally.spared_case_types;
    tally.spared_incomplete += !graph_only.incomplete.empty();
  }
  const DeadlineSpans spared = find_deadline_spans(wf, limit, &relations);
  const auto verdicts = [&](const DeadlineSpans& spans) {
    std::set<std::tuple<Index, std::optional<Index>, int>> out;
    for (const DeadlineSpan& d : spans.found) {
      if (!d.loop.empty()) out.insert({d.requirement, d.case_type, 0});
      else if (d.longest_seconds > wf.requirements()[d.requirement].rule->within->static_seconds())
        out.insert({d.requirement, d.case_type, 1});
      if (!d.undated.empty()) out.insert({d.requirement, d.case_type, 2});
    }
    return out;
  };
  if (!explored.exhausted || !spared.exhausted) return;
  CHECK(verdicts(explored) == verdicts(spared));
  tally.spared += static_cast<long>(explored.found.size() - spared.found.size());
}

void compare_case_type(Subject& s, const CaseTypeCompleteness& found, Tally& tally) {
  const bool reported = !found.incomplete.empty();
  tally.incomplete_types += reported;
  INFO("case type: the oracle sees " << (s.runs.complete ? "a complete run" : "no complete run")
                                     << (s.runs.truncated ? " within its bound" : ""));
  if (s.runs.complete) CHECK_FALSE(reported);
  // A run that takes a transition twice is not followed further; whether
  // such a case could complete is lack-of-synchronization's question.
  if (!s.runs.complete && !s.runs.truncated && !s.runs.doubled && found.exhausted) CHECK(reported);
}

void try_random(const std::string& json, Tally& tally) {
  const auto wf = load(json);
  INFO(json);
  ++tally.workflows;
  RuleViolations violations[3];
  for (RuleType type : {RuleType::existence, RuleType::precedence, RuleType::response})
    violations[static_cast<int>(type)] = find_rule_violations(*wf, type, limit);
  const DeadlineSpans spans = find_deadline_spans(*wf, limit);
  const CaseTypeCompleteness completeness = find_incomplete_case_types(*wf, limit);
  compare_spared(*wf, spans, completeness, tally);
  const bool exhausted = spans.exhausted && std::all_of(std::begin(violations), std::end(violations),
                                                        [](const RuleViolations& v) { return v.exhausted; });
  if (!exhausted) {
    ++tally.unknown;
    return;
  }
  for (const CaseType* case_type : {static_cast<const CaseType*>(nullptr), &wf->case_types()[0]}) {
    Subject s(*wf, case_type);
    if (case_type) compare_case_type(s, completeness, tally);
    std::vector<Index> in_scope, deadlines;
    for (Index r = 0; r < wf->requirements().size(); ++r)
      if (wf->requirements()[r].case_types.has_value() == (case_type != nullptr)) in_scope.push_back(r);
    std::vector<Marks> timed;
    for (Index r : in_scope)
      if (wf->requirements()[r].rule->within) {
        deadlines.push_back(r);
        timed.emplace_back(*wf, *wf->requirements()[r].rule);
      }
    for (Index r : in_scope) {
      ++tally.scopes;
      tally.seen_whole += !s.runs.truncated;
      compare_rule(s, r, violations[static_cast<int>(wf->requirements()[r].rule->type)], tally);
    }
    const auto seen = oracle_deadlines(s, timed);
    for (std::size_t k = 0; k < deadlines.size(); ++k) compare_deadline(s, deadlines[k], seen[k], spans, tally);
  }
}

Tally try_many(bool structured, int count) {
  Tally tally;
  std::mt19937 rng(structured ? 11 : 12);
  RandomOptions options;
  options.structured = structured;
  options.max_steps = 7;
  for (int i = 0; i < count; ++i) try_random(with_random_requirements(random_workflow(rng, options), rng), tally);
  return tally;
}

}  // namespace

TEST_CASE("requirements oracle: random block-structured and unstructured workflows", "[requirements][oracle]") {
  for (bool structured : {true, false}) {
    const Tally tally = try_many(structured, 1000);
    INFO(tally.figures());
    CHECK(tally.violations[0] > 30);
    CHECK(tally.violations[1] > 30);
    CHECK(tally.violations[2] > 30);
    CHECK(tally.exceeded > 20);
    CHECK(tally.unbounded > 20);
    CHECK(tally.undated > 20);
    CHECK(tally.incomplete_types > 10);
    CHECK(tally.spared > 20);
    if (structured) CHECK(tally.spared_incomplete > 10);
    WARN((structured ? "block-structured: " : "unstructured: ") << tally.figures());
  }
}
