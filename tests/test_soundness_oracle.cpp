// The soundness analysis against the exhaustive oracle on random small
// workflows: nothing the oracle finds is missed, every witness is a real run
// ending in the state it claims, and the reduced workflow decides exactly
// what exploring the whole workflow decides.
#include "oracle/oracle.hpp"
#include "oracle/random_workflow.hpp"
#include "support.hpp"

#include <baton/semantics.hpp>
#include <baton/soundness.hpp>

#include <algorithm>
#include <set>

using namespace baton;
using namespace baton::test;

namespace {

constexpr std::uint64_t limit = 5'000;

// The states the production game may be in after `run`, which names steps
// only (an XOR split's choice is not written down).
std::vector<State> states_after(const TokenGame& game, std::span<const Index> run) {
  std::vector<State> states{game.initial()};
  for (Index step : run) {
    std::vector<State> next;
    for (const State& s : states)
      for (const Move& m : game.moves(s)) {
        if (m.step != step) continue;
        State after = game.apply(s, m);
        if (std::find(next.begin(), next.end(), after) == next.end()) next.push_back(std::move(after));
      }
    states = std::move(next);
  }
  return states;
}

// Tokens wait at the join on every transition into it but the missing ones.
bool waits_for(const Workflow& wf, const State& s, const Deadlock& d) {
  auto in = wf.incoming(d.step);
  const auto missing = [&](Index t) { return std::find(d.missing.begin(), d.missing.end(), t) != d.missing.end(); };
  return !d.missing.empty() && d.missing.size() < in.size() &&
         std::all_of(in.begin(), in.end(), [&](Index t) { return s.marked(t) != missing(t); });
}

bool doubles(const State& s, const Move& m, Index t) {
  return std::find(m.produced.begin(), m.produced.end(), t) != m.produced.end() && s.marked(t) &&
         std::find(m.consumed.begin(), m.consumed.end(), t) == m.consumed.end();
}

std::vector<Index> indices(const auto& items, auto key) {
  std::vector<Index> out;
  for (const auto& item : items) out.push_back(item.*key);
  return out;
}

struct Case {
  const Workflow& wf;
  CaseRestriction every_run{wf};
  TokenGame game{wf, every_run};
  Oracle oracle{wf};
  SoundnessResult result = analyse_soundness(wf, limit);
};

void witnesses_are_real_runs(Case& c) {
  for (const Deadlock& d : c.result.deadlocks) {
    REQUIRE(c.oracle.replays(step_ids(c.wf, d.run)));
    const auto ends = states_after(c.game, d.run);
    CHECK(std::any_of(ends.begin(), ends.end(),
                      [&](const State& s) { return c.game.deadlocked(s) && waits_for(c.wf, s, d); }));
  }
  for (const DoubledTransition& d : c.result.doubled) {
    REQUIRE(c.oracle.replays(step_ids(c.wf, d.run)));
    const auto before = states_after(c.game, std::span(d.run).first(d.run.size() - 1));
    CHECK(std::any_of(before.begin(), before.end(), [&](const State& s) {
      const auto moves = c.game.moves(s);
      return std::any_of(moves.begin(), moves.end(),
                         [&](const Move& m) { return m.step == d.run.back() && doubles(s, m, d.transition); });
    }));
  }
}

void nothing_the_oracle_finds_is_missed(Case& c) {
  const auto deadlocks = indices(c.result.deadlocks, &Deadlock::step);
  const auto doubled = indices(c.result.doubled, &DoubledTransition::transition);
  const auto has = [](const std::vector<Index>& v, Index i) { return std::find(v.begin(), v.end(), i) != v.end(); };
  c.oracle.for_each_run(
      12,
      [&](const OracleRun& run) {
        if (run.doubled) CHECK(has(doubled, *run.doubled));
        if (!run.deadlocked) return;
        bool seen = false;
        for (const State& s : states_after(c.game, run.steps)) {
          if (!c.game.deadlocked(s)) continue;
          seen = true;
          // A case stopped at a step with no way on is dead-end's to report.
          for (Index t = 0; t < c.wf.transitions().size(); ++t)
            if (s.marked(t)) CHECK(has(deadlocks, c.wf.transition(t).to));
          if (s.empty()) CHECK(c.wf.outgoing(run.steps.back()).empty());
        }
        CHECK(seen);
      },
      5000);
}

// The reduced workflow decides exactly what exploring all of it decides.
void reduction_changes_nothing(Case& c) {
  const SoundnessResult plain = analyse_soundness(c.wf, limit, Reduction::skip);
  if (!plain.exhausted) return;  // larger unreduced than reduced: nothing to compare
  CHECK(indices(c.result.deadlocks, &Deadlock::step) == indices(plain.deadlocks, &Deadlock::step));
  CHECK(indices(c.result.doubled, &DoubledTransition::transition) ==
        indices(plain.doubled, &DoubledTransition::transition));
}

// And what a plain StateSpace exploration sees.
void agrees_with_state_space(Case& c) {
  const StateSpace space(c.game, limit);
  std::set<Index> deadlocks, doubled;
  for (StateId id = 0; id < space.size(); ++id) {
    const State& s = space.state(id);
    if (s.overflow) doubled.insert(*s.overflow);
    if (c.game.deadlocked(s))
      for (Index t = 0; t < c.wf.transitions().size(); ++t)
        if (s.marked(t)) deadlocks.insert(c.wf.transition(t).to);
  }
  CHECK(std::vector<Index>(deadlocks.begin(), deadlocks.end()) == indices(c.result.deadlocks, &Deadlock::step));
  for (Index t : doubled) CHECK(std::ranges::count(indices(c.result.doubled, &DoubledTransition::transition), t) == 1);
}

void check_random_workflows(bool structured, unsigned seed, int count) {
  std::mt19937 rng(seed);
  RandomOptions options;
  options.structured = structured;
  options.case_types = false;
  int reduced = 0, too_large = 0;
  for (int i = 0; i < count; ++i) {
    const std::string doc = random_workflow(rng, options);
    INFO(doc);
    const auto wf = load(doc);
    Case c{*wf};
    if (!c.result.exhausted) {  // then findings may be missing: nothing to compare
      ++too_large;
      continue;
    }
    reduced += c.result.reduced;
    witnesses_are_real_runs(c);
    nothing_the_oracle_finds_is_missed(c);
    reduction_changes_nothing(c);
    if (structured && c.result.reduced) agrees_with_state_space(c);
  }
  // The property is only tested where the fast path was taken.
  CHECK(reduced > 0);
  CHECK(too_large < count / 50);
}

}  // namespace

TEST_CASE("soundness agrees with the oracle on random structured workflows", "[soundness][oracle]") {
  for (unsigned seed : {1U, 2U, 3U}) check_random_workflows(true, seed, 400);
}

TEST_CASE("soundness agrees with the oracle on random unstructured workflows", "[soundness][oracle]") {
  for (unsigned seed : {4U, 5U, 6U}) check_random_workflows(false, seed, 250);
}
