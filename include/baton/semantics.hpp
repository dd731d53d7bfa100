// The token game of workflow-format.md (Semantics), once, for every analysis.
//
// A state is the set of transitions that have been taken and not yet
// consumed (a marking), plus a small monitor value an analysis may thread
// through the run (e.g. "a first step has occurred"). Markings are safe: a
// transition taken a second time before it was consumed is a lack of
// synchronization; such a state is recorded and not expanded further.
#pragma once

#include <baton/model.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

namespace baton {

// Which outgoing transitions a case may take at each step: all of them, or
// at an XOR split where a case type chose, only the chosen one.
class CaseRestriction {
 public:
  explicit CaseRestriction(const Workflow& workflow, const CaseType* case_type = nullptr);
  std::span<const Index> choices(Index step) const { return allowed_[step]; }
  const CaseType* case_type() const { return case_type_; }

 private:
  const CaseType* case_type_;
  std::vector<std::vector<Index>> allowed_;
};

using StateId = std::uint32_t;

struct State {
  enum class Phase : std::uint8_t {
    fresh,     // nothing has run; only the start step may
    running,
    complete,  // an end step ran and nothing is pending
    stuck,     // nothing is pending but the last step was no end step
  };
  std::vector<std::uint64_t> marking;  // bit t: transition t taken, not consumed
  std::uint8_t monitor = 0;
  Phase phase = Phase::fresh;
  std::optional<Index> overflow;  // the transition taken twice, if any

  bool marked(Index t) const { return (marking[t / 64] >> (t % 64)) & 1U; }
  bool empty() const;
  friend bool operator==(const State&, const State&) = default;
};

// One way the case can move on from a state: `step` runs, consuming
// `consumed` (its incoming transitions that held the tokens) and taking
// `produced`.
struct Move {
  Index step = 0;
  std::vector<Index> consumed, produced;
};

class TokenGame {
 public:
  // monitor(value, step) gives the monitor value after `step` runs.
  using Monitor = std::function<std::uint8_t(std::uint8_t, Index)>;

  TokenGame(const Workflow& workflow, const CaseRestriction& restriction, Monitor monitor = {},
            std::uint8_t initial_monitor = 0);

  State initial() const;
  // Every move possible from `s`, in a stable order (step index, then
  // transition index). Empty for complete, stuck and overflow states.
  std::vector<Move> moves(const State& s) const;
  State apply(const State& s, const Move& m) const;
  // Nothing can run, yet the case is not complete: a deadlock.
  bool deadlocked(const State& s) const { return !s.overflow && s.phase != State::Phase::complete && moves(s).empty(); }

  const Workflow& workflow() const { return workflow_; }

 private:
  const Workflow& workflow_;
  const CaseRestriction& restriction_;
  Monitor monitor_;
  std::uint8_t initial_monitor_;
  std::size_t words_;
};

// What one run of the checks may spend on state spaces, over all its
// explorations together (issue 12): many questions each within the state
// limit must not add up to hours. Memory is counted approximately, as the
// bytes the stored states take (affordable_states' estimate), not as what
// the allocator holds.
struct RunBudget {
  std::uint64_t states_left = 0;
  std::uint64_t bytes_left = 0;  // with memory_limited only
  bool memory_limited = false;
  bool memory_reached = false;   // an exploration could not afford one more state
};

// The limit of one exploration: at most `states`, and, when `run` is set,
// within what is left of the run's budget. An integer converts to a limit of
// that many states for this exploration alone.
struct SearchLimit {
  std::uint64_t states = 0;
  RunBudget* run = nullptr;
  SearchLimit(std::uint64_t states, RunBudget* run = nullptr) : states(states), run(run) {}  // NOLINT: implicit
  // Charges `kept` states of an exploration to the run's budget.
  void spend(std::uint64_t kept, std::size_t transitions, std::uint64_t marking_sets = 1) const;
};

// How many states an exploration may keep within about 1 GiB (or what is
// left of the run's memory budget). States are kept whole, so on a large
// workflow memory would run out long before the state limit. `marking_sets`
// is how many sets of transitions one state keeps (a search that watches
// transitions keeps more than the marking).
std::uint64_t affordable_states(const SearchLimit& limit, std::size_t transitions, std::uint64_t marking_sets = 1);

// Breadth-first exploration of the reachable states, up to a limit, keeping
// for each state the move that first reached it, so that a shortest run to
// any state can be shown as a witness.
class StateSpace {
 public:
  StateSpace(const TokenGame& game, std::uint64_t limit);

  bool exhausted() const { return !limit_reached_; }  // every reachable state was visited
  std::size_t size() const { return states_.size(); }
  const State& state(StateId id) const { return states_[id]; }
  std::span<const StateId> successors(StateId id) const;
  // Steps run, in order, from the initial state to `id`.
  std::vector<Index> run_to(StateId id) const;
  // The states passed on that run, the initial state first and `id` last.
  std::vector<StateId> path_to(StateId id) const;

 private:
  struct Edge { StateId parent; Index step; };
  std::vector<State> states_;
  std::vector<Edge> reached_by_;
  std::vector<std::vector<StateId>> successors_;
  bool limit_reached_ = false;
};

// Step ids of a run, for a finding's witness.
std::vector<std::string> step_ids(const Workflow& workflow, std::span<const Index> steps);

}  // namespace baton
