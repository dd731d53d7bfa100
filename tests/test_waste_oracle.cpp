// The waste analyses against the exhaustive oracle on random small
// workflows. Waste checks never report what is not waste: every repeated
// control or production found must hold on every firing sequence the oracle
// enumerates, and every two recording steps said to occur together must do
// so in a real run. The figures show the analysis is not trivially silent.
#include "checks/waste_workflows.hpp"
#include "oracle/oracle.hpp"
#include "oracle/random_workflow.hpp"
#include "support.hpp"

#include <baton/dataflow.hpp>
#include <baton/semantics.hpp>

#include <algorithm>
#include <sstream>

using namespace baton;
using namespace baton::test;

namespace {

constexpr std::uint64_t limit = 5'000;
constexpr int run_length = 12;
constexpr long runs_per_workflow = 3'000;

bool has(std::span<const Index> items, Index i) { return std::find(items.begin(), items.end(), i) != items.end(); }

bool writes_any(const Step& s, std::span<const Index> artifacts) {
  return std::any_of(artifacts.begin(), artifacts.end(), [&](Index a) { return has(s.writes, a); });
}

// The definition of checks.md on one firing sequence: before every
// occurrence of `r.step`, an occurrence of `earlier` with no write of
// `ends` in between (a concurrent write can always be ordered in between, so
// the sequence alone can refute). The position of a refuting occurrence.
std::optional<std::size_t> refutes(const Workflow& wf, const std::vector<Index>& run, Index step, Index earlier,
                                   std::span<const Index> ends) {
  for (std::size_t i = 0; i < run.size(); ++i) {
    if (run[i] != step) continue;
    std::size_t k = i;
    while (k > 0 && run[k - 1] != earlier && !writes_any(wf.step(run[k - 1]), ends)) --k;
    if (k == 0 || run[k - 1] != earlier) return i;
  }
  return std::nullopt;
}

// What a repetition says must not change in between.
std::vector<Index> ends_of(const Workflow& wf, const Repetition& r) {
  std::vector<Index> ends{r.artifact};
  if (r.aspect.empty()) ends.insert(ends.end(), wf.step(r.step).reads.begin(), wf.step(r.step).reads.end());
  return ends;
}

std::string ids(const Workflow& wf, const std::vector<Index>& run) {
  std::string out;
  for (const std::string& id : step_ids(wf, run)) out += id + " ";
  return out;
}

// The firing sequences of a small workflow, enumerated once.
struct Runs {
  std::vector<std::vector<Index>> all;
  bool truncated = false;  // some run was cut by the bound, or the enumeration by the count

  explicit Runs(const Oracle& oracle) {
    const bool every_run = oracle.for_each_run(
        run_length,
        [&](const OracleRun& run) {
          all.push_back(run.steps);
          truncated = truncated || run.truncated;
        },
        runs_per_workflow);
    truncated = truncated || !every_run;
  }
};

struct Tally {
  long workflows = 0, block_structured = 0, known = 0;
  long controls = 0, productions = 0, together = 0, together_beyond_bound = 0;
  long oracle_controls = 0, oracle_controls_found = 0;
  std::string figures() const {
    std::ostringstream out;
    out << workflows << " workflows (" << block_structured << " block-structured, " << known
        << " with known relations): " << controls << " redundant controls and " << productions
        << " duplicate productions found, none refuted; " << together << " recording pairs in one run ("
        << together_beyond_bound << " not seen within the oracle's bound); of " << oracle_controls
        << " checks the oracle sees repeated on every enumerated run, " << oracle_controls_found << " found";
    return out.str();
  }
};

// Each repetition found holds on every enumerated firing sequence.
void no_repetition_is_refuted(const Workflow& wf, const Runs& runs, const std::vector<Repetition>& found) {
  for (const Repetition& r : found)
    for (Index earlier : r.earlier)
      for (const auto& run : runs.all) {
        const auto at = refutes(wf, run, r.step, earlier, ends_of(wf, r));
        INFO("run " << ids(wf, run) << ": " << wf.step(r.step).id << " at " << (at ? *at : 0) << " without "
                    << wf.step(earlier).id << " before it");
        CHECK_FALSE(at);
      }
}

// Checks the oracle sees repeated: the step occurs, and on every run some
// other step checking the same for that aspect or "*" precedes it.
void count_oracle_controls(const Workflow& wf, const Runs& runs, const Repetitions& found, Tally& tally) {
  for (Index c = 0; c < wf.steps().size(); ++c)
    for (const Control& check : wf.step(c).checks) {
      const bool occurs = std::any_of(runs.all.begin(), runs.all.end(), [&](const auto& run) { return has(run, c); });
      bool repeated = false;
      for (Index other = 0; other < wf.steps().size() && occurs && !repeated; ++other) {
        const auto& checks = wf.step(other).checks;
        const bool covers = other != c && std::any_of(checks.begin(), checks.end(), [&](const Control& o) {
          return o.artifact == check.artifact && (o.aspect == "*" || o.aspect == check.aspect) &&
                 !has(wf.step(other).writes, check.artifact);
        });
        repeated = covers && std::none_of(runs.all.begin(), runs.all.end(), [&](const auto& run) {
          return refutes(wf, run, c, other, std::span(&check.artifact, 1)).has_value();
        });
      }
      if (!repeated) continue;
      ++tally.oracle_controls;
      const auto same_check = [&](const Repetition& r) {
        return r.step == c && r.artifact == check.artifact && r.aspect == check.aspect;
      };
      tally.oracle_controls_found += std::any_of(found.controls.begin(), found.controls.end(), same_check);
    }
}

// Every two recording steps said to occur together do so in a real run.
void recording_pairs_occur_together(const Workflow& wf, const Runs& runs, const StepRelations& relations,
                                    Tally& tally) {
  std::vector<Index> recording;
  for (Index s = 0; s < wf.steps().size(); ++s)
    if (wf.step(s).it && !wf.step(s).it->records.empty()) recording.push_back(s);
  const auto together = relations.occurring_together(recording);
  if (!together) return;
  for (const auto& pair : *together) {
    const Index a = pair.first, b = pair.second;  // clang 14 cannot capture a structured binding
    ++tally.together;
    const bool seen = std::any_of(runs.all.begin(), runs.all.end(),
                                  [&](const auto& run) { return has(run, a) && has(run, b); });
    INFO(wf.step(a).id << " and " << wf.step(b).id);
    if (!seen) ++tally.together_beyond_bound;
    CHECK((seen || runs.truncated));
  }
}

void try_random(const std::string& json, Tally& tally) {
  const auto wf = load(json);
  INFO(json);
  const StepRelations relations(*wf, limit);
  const Repetitions found = find_repetitions(*wf, relations);
  const Oracle oracle(*wf);
  const Runs runs(oracle);
  ++tally.workflows;
  tally.block_structured += relations.block_structured();
  tally.known += relations.known();
  tally.controls += static_cast<long>(found.controls.size());
  tally.productions += static_cast<long>(found.productions.size());
  no_repetition_is_refuted(*wf, runs, found.controls);
  no_repetition_is_refuted(*wf, runs, found.productions);
  count_oracle_controls(*wf, runs, found, tally);
  recording_pairs_occur_together(*wf, runs, relations, tally);
  // The checks report what the analysis found, one finding each.
  CheckOptions options;
  options.only = {"redundant-control", "duplicate-work"};
  options.state_limit = limit;
  const auto findings = run_checks(*wf, options).findings;
  const auto reported = [&](const char* rule) {
    return static_cast<std::size_t>(
        std::count_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.rule == rule; }));
  };
  CHECK(reported("redundant-control") == found.controls.size());
  CHECK(reported("duplicate-work") == found.productions.size());
}

Tally try_many(bool structured, int count) {
  Tally tally;
  for (unsigned seed : {1U, 2U, 3U}) {
    std::mt19937 rng(seed);
    RandomOptions options;
    options.structured = structured;
    options.max_steps = 8;
    for (int i = 0; i < count; ++i) try_random(random_workflow(rng, options), tally);
  }
  return tally;
}

}  // namespace

TEST_CASE("waste oracle: nothing found on random block-structured workflows is refuted", "[waste][oracle]") {
  const Tally tally = try_many(true, 700);
  INFO(tally.figures());
  CHECK(tally.controls > 50);
  CHECK(tally.productions > 50);
  CHECK(tally.together > 50);
  WARN(tally.figures());
}

TEST_CASE("waste oracle: nothing found on random unstructured workflows is refuted", "[waste][oracle]") {
  const Tally tally = try_many(false, 700);
  INFO(tally.figures());
  CHECK(tally.controls > 10);
  CHECK(tally.together > 10);
  WARN(tally.figures());
}

TEST_CASE("waste oracle: the blocks decide what the reachable states decide", "[waste][oracle]") {
  std::mt19937 rng(7);
  long compared = 0;
  for (int i = 0; i < 1500; ++i) {
    const std::string json = random_workflow(rng);
    const auto wf = load(json);
    const StepRelations blocks(*wf, limit);
    const StepRelations states(*wf, limit, Reduction::skip);
    if (!blocks.block_structured() || !states.known()) continue;
    ++compared;
    INFO(json);
    std::vector<Index> all(wf->steps().size());
    for (Index s = 0; s < all.size(); ++s) all[s] = s;
    for (Index a : all)
      for (Index b : all) {
        INFO(wf->step(a).id << " " << wf->step(b).id);
        CHECK(blocks.concurrent(a, b) == states.concurrent(a, b));
      }
    CHECK(blocks.occurring_together(all) == states.occurring_together(all));
  }
  CHECK(compared > 1000);
}

TEST_CASE("waste oracle: hand-written repetitions hold on every run", "[waste][oracle]") {
  using namespace waste;
  const std::string leader = step("b", "Leder godkender", checks_u() + R"(, "reads": ["u"], "writes": ["v"])");
  const std::string head = step("c", "Afdelingsleder godkender", checks_u() + R"(, "reads": ["u"], "writes": ["v"])");
  const std::string note = step("w", "Skriv notat", R"(, "writes": ["w"])");
  struct Expected {
    std::string json;
    std::size_t controls, productions;
  };
  const Expected workflows[] = {
      {workflow({investigate, leader, head}), 1, 1},
      {workflow({investigate, leader, and_split, head, note, and_join},
                {"s>a", "a>b", "b>x", "x>c", "x>w", "c>j", "w>j", "j>e"}),
       1, 1},
      // Rework back to the head alone: from the second round on, the head's own
      // recommendation lies between the leader's and the head's, so the
      // recommendation repeats no other step's on every run.
      {workflow({investigate, leader, head, decide, note}, {"s>a", "a>b", "b>c", "c>d", "d>e", "d>w", "w>c"}), 1, 0},
      {workflow({investigate, leader, head, decide, note}, {"s>a", "a>b", "b>c", "c>d", "d>e", "d>w", "w>b"}), 1, 1},
      // Not made of blocks: explored state by state.
      {workflow({investigate, leader, head, decide, note}, {"s>a", "a>b", "b>c", "c>d", "d>e", "d>w", "w>c", "w>e"}),
       1, 0},
      {workflow({investigate, leader, head, decide, note}, {"s>a", "a>b", "b>c", "c>d", "d>e", "d>w", "w>b", "w>e"}),
       1, 1},
  };
  for (const auto& [json, controls, productions] : workflows) {
    const auto wf = load(json);
    INFO(json);
    const StepRelations relations(*wf, limit);
    const Repetitions found = find_repetitions(*wf, relations);
    CHECK(found.controls.size() == controls);
    CHECK(found.productions.size() == productions);
    const Runs runs{Oracle(*wf)};
    no_repetition_is_refuted(*wf, runs, found.controls);
    no_repetition_is_refuted(*wf, runs, found.productions);
  }
}
