// Alignments against an exhaustive search on random small workflows and
// random traces: the oracle enumerates every firing sequence up to a length,
// an edit-distance table over each gives the least cost of aligning the
// trace with it, and the A* search must find that least cost; every
// alignment it reports must replay as a run of the net (complete, or a
// prefix for open cases) and consume exactly the trace.
#include "oracle/gateways.hpp"
#include "oracle/oracle.hpp"
#include "oracle/random_workflow.hpp"
#include "support.hpp"

#include <baton/alignment.hpp>
#include <baton/semantics.hpp>

#include <algorithm>
#include <limits>

using namespace baton;
using namespace baton::test;

namespace {

constexpr std::uint64_t unreachable = std::numeric_limits<std::uint64_t>::max() / 4;

struct Exhaustive {
  std::uint64_t cost = unreachable;  // over the runs enumerated
  bool every_run = false;            // the enumeration ended before its run limit
};

// The least cost of aligning `trace` with a firing sequence of at most
// `max_length` steps (complete ones, or for open cases any prefix), by the
// edit distance of the trace and each sequence: a synchronous pair costs 0,
// an event alone 1, a step alone its model cost. Consecutive sequences share
// their common prefix's columns.
Exhaustive exhaustive(const Workflow& wf, const CaseType* case_type, const std::vector<TraceEvent>& trace, bool open,
                      int max_length) {
  const Oracle oracle(wf, case_type);
  const std::size_t n = trace.size();
  auto step_cost = [&](Index s) -> std::uint64_t { return wf.step(s).kind == StepKind::gateway ? 0 : 1; };
  std::vector<std::vector<std::uint64_t>> columns(1, std::vector<std::uint64_t>(n + 1));
  for (std::size_t j = 0; j <= n; ++j) columns[0][j] = j;
  std::vector<Index> previous;
  Exhaustive result;
  if (open) result.cost = n;  // the empty prefix
  result.every_run = oracle.for_each_run(
      max_length,
      [&](const OracleRun& run) {
        // A step that takes a transition twice may not fire in the safe net.
        const std::size_t length = run.steps.size() - (run.doubled ? 1 : 0);
        std::size_t common = 0;
        while (common < length && common < previous.size() && previous[common] == run.steps[common]) ++common;
        columns.resize(common + 1);
        for (std::size_t i = common; i < length; ++i) {
          const Index s = run.steps[i];
          const auto& before = columns[i];
          std::vector<std::uint64_t> column(n + 1);
          column[0] = before[0] + step_cost(s);
          for (std::size_t j = 1; j <= n; ++j) {
            column[j] = std::min(before[j] + step_cost(s), column[j - 1] + 1);
            if (trace[j - 1].step == s) column[j] = std::min(column[j], before[j - 1]);
          }
          columns.push_back(std::move(column));
          if (open) result.cost = std::min(result.cost, columns.back()[n]);
        }
        previous.assign(run.steps.begin(), run.steps.begin() + static_cast<std::ptrdiff_t>(length));
        if (!open && run.complete) result.cost = std::min(result.cost, columns[length][n]);
      },
      20'000);
  return result;
}

// A random run of the token game, cut off after `max_length` steps.
std::vector<Index> random_run(const TokenGame& game, std::mt19937& rng, int max_length) {
  std::vector<Index> run;
  State s = game.initial();
  while (static_cast<int>(run.size()) < max_length) {
    auto moves = game.moves(s);
    if (moves.empty()) break;
    const Move& m = moves[std::uniform_int_distribution<std::size_t>(0, moves.size() - 1)(rng)];
    State next = game.apply(s, m);
    if (next.overflow) break;
    run.push_back(m.step);
    s = std::move(next);
  }
  return run;
}

// A trace from a run with noise: events dropped, duplicated, swapped,
// inserted (known or unknown); or, now and then, a random sequence.
std::vector<TraceEvent> noisy_trace(const Workflow& wf, const TokenGame& game, std::mt19937& rng) {
  auto chance = [&](double p) { return std::bernoulli_distribution(p)(rng); };
  auto any_step = [&] { return std::uniform_int_distribution<Index>(0, wf.steps().size() - 1)(rng); };
  std::vector<TraceEvent> out;
  if (chance(0.2)) {
    for (int k = std::uniform_int_distribution<int>(0, 5)(rng); k > 0; --k)
      out.push_back(chance(0.1) ? TraceEvent{} : TraceEvent{any_step()});
    return out;
  }
  for (Index s : random_run(game, rng, 7)) {
    if (wf.step(s).kind == StepKind::gateway) continue;  // gateways never occur in logs
    if (chance(0.12)) continue;
    if (chance(0.08)) out.push_back(chance(0.5) ? TraceEvent{} : TraceEvent{any_step()});
    out.push_back({s});
    if (chance(0.05)) out.push_back({s});
  }
  if (out.size() >= 2 && chance(0.3)) {
    const auto i = std::uniform_int_distribution<std::size_t>(0, out.size() - 2)(rng);
    std::swap(out[i], out[i + 1]);
  }
  if (out.size() > 6) out.resize(6);  // keeps the exhaustive search small
  return out;
}

struct Tally {
  int cases = 0, compared_exactly = 0, without_complete_run = 0;
};

void check_case(const Workflow& wf, const CaseType* case_type, const AlignmentNet& net, Aligner& aligner,
                const std::vector<TraceEvent>& trace, bool open, bool silent_steps, Tally& tally) {
  ++tally.cases;
  const Oracle oracle(wf, case_type);
  const Alignment a = aligner.align(trace, {open, 200'000});
  if (!net.cheapest_complete_run()) {
    REQUIRE(a.status == AlignmentStatus::no_complete_run);
    ++tally.without_complete_run;
    CHECK(exhaustive(wf, case_type, {}, false, 12).cost == unreachable);
    return;
  }
  REQUIRE(a.status == AlignmentStatus::optimal);

  // The moves consume exactly the trace and form a run of the net.
  std::vector<Index> events;
  std::vector<std::string> run;
  std::uint64_t cost = 0;
  for (const AlignmentMove& m : a.moves) {
    if (m.kind != MoveKind::model) {
      REQUIRE(m.event);
      events.push_back(*m.event);
      CHECK(m.step == trace[*m.event].step);
    }
    if (m.kind != MoveKind::log) run.push_back(wf.step(*m.step).id);
    if (m.kind == MoveKind::log) ++cost;
    if (m.kind == MoveKind::model) cost += net.model_cost(*m.step);
  }
  std::vector<Index> all(trace.size());
  for (Index i = 0; i < all.size(); ++i) all[i] = i;
  CHECK(events == all);
  CHECK(cost == a.cost);
  CHECK(oracle.replays(run, !open));
  const double denominator = double(trace.size() + *net.cheapest_complete_run());
  CHECK(a.fitness == Approx(denominator == 0 ? 1.0 : 1.0 - double(a.cost) / denominator));

  // Optimal: no run the oracle enumerates aligns more cheaply, and where the
  // enumeration covers the alignment's own run, none as cheaply is missed.
  // Without gateways a run longer than 2 * events + the cheapest complete
  // run costs more than aligning with that one, so the bound covers every
  // optimal alignment.
  const int bound = static_cast<int>(2 * trace.size() + *net.cheapest_complete_run()) + (silent_steps ? 6 : 0);
  const Exhaustive best = exhaustive(wf, case_type, trace, open, bound);
  CHECK(a.cost <= best.cost);
  if (best.every_run && static_cast<int>(run.size()) <= bound) {
    ++tally.compared_exactly;
    CHECK(a.cost == best.cost);
  }
}

void check_workflows(std::uint32_t seed, int count, const RandomOptions& options, bool silent_steps) {
  std::mt19937 rng(seed);
  Tally tally;
  for (int w = 0; w < count; ++w) {
    const std::string text = random_workflow(rng, options);
    auto wf = load(text);
    // Some work steps made gateways, so silent steps are tested too.
    if (silent_steps) wf = with_gateways(*wf, [&](const Step&) { return std::bernoulli_distribution(0.3)(rng); });
    std::vector<const CaseType*> types{nullptr};
    for (const CaseType& ct : wf->case_types()) types.push_back(&ct);
    for (const CaseType* ct : types) {
      const CaseRestriction restriction(*wf, ct);
      const TokenGame game(*wf, restriction);
      const AlignmentNet net(*wf, restriction);
      Aligner aligner(net);
      for (int t = 0; t < 2; ++t) {
        const auto trace = noisy_trace(*wf, game, rng);
        INFO("workflow " << w << ": " << text);
        INFO("case type " << (ct ? ct->id : "-") << ", trace of " << trace.size());
        for (bool open : {false, true}) check_case(*wf, ct, net, aligner, trace, open, silent_steps, tally);
      }
    }
  }
  INFO(tally.cases << " cases, " << tally.compared_exactly << " compared exactly, " << tally.without_complete_run
                   << " without a complete run");
  // The enumeration's limits leave out only a few cases.
  CHECK(tally.compared_exactly + tally.without_complete_run >= tally.cases * 9 / 10);
}

}  // namespace

TEST_CASE("alignments are optimal on random block-structured workflows", "[align][oracle]") {
  check_workflows(101, 500, {.structured = true, .max_steps = 7}, false);
}

TEST_CASE("alignments are optimal on random unstructured workflows", "[align][oracle]") {
  check_workflows(202, 500, {.structured = false, .max_steps = 5}, false);
}

TEST_CASE("alignments are optimal with gateways (silent steps)", "[align][oracle]") {
  check_workflows(303, 400, {.structured = true, .max_steps = 7}, true);
  check_workflows(404, 300, {.structured = false, .max_steps = 5}, true);
}
