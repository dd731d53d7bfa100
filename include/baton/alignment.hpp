// Optimal alignments of a case's history with the workflow's net
// (shared/spec/event-logs.md, "The workflow as a net" and "What is computed
// per case", item 1).
//
// The net is the token game of semantics.hpp: a place before the start step,
// a place per transition and a final place; a net transition per way a step
// can fire (an XOR join's incoming place times an XOR split's allowed
// outgoing transition). A case type's choices remove the arcs it does not
// take. As in the token game a step that would take a transition already
// taken and not consumed (a lack of synchronization) may not fire: an
// alignment's run is always a real run of the safe token game.
//
// Costs: a synchronous move 0, a log move 1, a model move 1 on every step
// but a gateway (0). Start and end steps are visible: logs record them by
// id, name or log name like any step (born-unge's start step is the
// notification's arrival), and PM4Py counts every visible transition.
//
// The search is A* over the product of the trace and the net with an
// admissible heuristic, so the cost is exact; past the state limit the
// result says so and carries no cost. The same input always gives the same
// alignment: successors are generated in a fixed order (synchronous, log,
// model by step) and ties are broken by that order.
#pragma once

#include <baton/model.hpp>
#include <baton/semantics.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace baton {

// Whether a model move on `step` costs nothing and is no deviation: a
// gateway, or a start or end step tagged `silent` (what a PNML net's source
// and sink places become, pnml.hpp; PM4Py counts no move on them).
bool is_silent_step(const Step& step);

// One event of a case, already matched to a step; nullopt: its activity
// matches no step (an unknown activity, always a log move).
struct TraceEvent {
  std::optional<Index> step;
};

enum class MoveKind : std::uint8_t { synchronous, log, model };

struct AlignmentMove {
  MoveKind kind = MoveKind::synchronous;
  std::optional<Index> step;   // synchronous, model: the step; log: the event's step, if known
  std::optional<Index> event;  // synchronous, log: the event's index in the trace
  friend bool operator==(const AlignmentMove&, const AlignmentMove&) = default;
};

enum class AlignmentStatus : std::uint8_t {
  optimal,          // moves, cost and fitness are exact
  limit_reached,    // the search passed the state limit: the case is analysis-limit, no cost
  no_complete_run,  // the workflow has no complete run for this case type: nothing to align with
};

struct Alignment {
  AlignmentStatus status = AlignmentStatus::optimal;
  std::vector<AlignmentMove> moves;  // in order; empty unless optimal
  std::uint64_t cost = 0;
  // 1 - cost / (events + cost of the cheapest complete run), as PM4Py
  // defines it; 1 when both are 0. Open cases use the same denominator.
  double fitness = 1.0;
  std::uint64_t states = 0;  // states the search stored, for the benchmarks
};

struct AlignOptions {
  // An open case is aligned with the best prefix of a run: it need not
  // reach completion, and steps still ahead of it cost nothing.
  bool open = false;
  std::uint64_t state_limit = 1'000'000;
};

// The net of one workflow under one case restriction, built once and shared
// (read-only) by every case and thread; it also knows the cost of the
// cheapest complete run, the second term of the fitness's denominator.
class AlignmentNet {
 public:
  // `state_limit` bounds the search for the cheapest complete run.
  AlignmentNet(const Workflow& workflow, const CaseRestriction& restriction,
               std::uint64_t state_limit = AlignOptions{}.state_limit);
  ~AlignmentNet();
  AlignmentNet(const AlignmentNet&) = delete;
  AlignmentNet& operator=(const AlignmentNet&) = delete;

  const Workflow& workflow() const { return workflow_; }
  // The cost of a model move on `step`: 0 on a gateway, else 1.
  std::uint32_t model_cost(Index step) const;
  // The least cost of a complete run (its visible steps); nullopt when no
  // complete run exists or its search passed the limit (see below).
  std::optional<std::uint64_t> cheapest_complete_run() const { return cheapest_; }
  bool cheapest_limit_reached() const { return cheapest_limit_reached_; }

  struct Data;  // the compact net, for the search in alignment.cpp
  const Data& data() const { return *data_; }

 private:
  const Workflow& workflow_;
  std::unique_ptr<Data> data_;
  std::optional<std::uint64_t> cheapest_;
  bool cheapest_limit_reached_ = false;
};

// Aligns cases one after another, reusing its buffers; one per thread.
class Aligner {
 public:
  explicit Aligner(const AlignmentNet& net);
  ~Aligner();
  Aligner(const Aligner&) = delete;
  Aligner& operator=(const Aligner&) = delete;

  Alignment align(std::span<const TraceEvent> trace, const AlignOptions& options = {});

  struct Search;

 private:
  const AlignmentNet& net_;
  std::unique_ptr<Search> search_;
};

// One case, without keeping buffers.
Alignment align(const AlignmentNet& net, std::span<const TraceEvent> trace, const AlignOptions& options = {});

}  // namespace baton
