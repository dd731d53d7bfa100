// What stays established along the runs of a workflow, for the waste checks
// (shared/spec/checks.md, Waste): a fact is established (an artifact checked
// for an aspect, or produced from what a step reads) and stays valid until
// something it depends on is written. Work that re-establishes a fact that
// is valid on every run is repeated work.
//
// Waste checks never report what is not waste, so everything here errs
// toward "not established":
// - Facts are kept only where they hold on every path of the workflow's
//   graph into a step (a meet over all predecessors, to a fixpoint through
//   loops). The chain of steps that caused an occurrence is such a path, so
//   a fact kept at a step was established before every occurrence of it.
// - A write that runs concurrently with the step establishing a fact, or
//   with the step that relies on it, may fall in between in some run; the
//   fact is then not established, or not relied on.
// - Which steps may run concurrently is exact where the workflow is made of
//   blocks (sequences, XOR and AND blocks, rework loops), found by reducing
//   it in near-linear time; otherwise it is read off the reachable states of
//   the token game (semantics.hpp). When neither answers (the state limit
//   was reached, or a transition can hold two tokens, where the reasoning
//   above does not hold), nothing is established at all.
#pragma once

#include <baton/model.hpp>
#include <baton/soundness.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace baton {

class CheckContext;

// Which steps may run concurrently and which may both occur in one run.
class StepRelations {
 public:
  // Exact from the blocks where the workflow is made of blocks; else from at
  // most `state_limit` states of the token game. `Reduction::skip` always
  // explores the states (for comparison in tests).
  StepRelations(const Workflow& workflow, SearchLimit state_limit, Reduction reduction = Reduction::use);
  ~StepRelations();
  StepRelations(StepRelations&&) noexcept;
  StepRelations& operator=(StepRelations&&) noexcept;

  // False when the relations are unknown: the state limit was reached, or a
  // transition can be taken twice before it is consumed.
  bool known() const;
  bool limit_reached() const;
  bool block_structured() const;

  // Steps prepared for asking whether any of them may run concurrently with
  // a step (a step may run concurrently with itself).
  class Group {
   public:
    Group() = default;

   private:
    friend class StepRelations;
    std::vector<Index> keys_;  // sorted
  };
  Group group(std::span<const Index> steps) const;
  // Whether some run has an occurrence of each that neither caused: some
  // reachable state lets both run on tokens of their own. Only when known().
  bool concurrent(Index a, Index b) const;
  bool concurrent_with_any(Index step, const Group& group) const;

  // The pairs of `steps` (distinct; pairs in the order given) that both
  // occur in some run, each pair shown by a real run of the token game;
  // nullopt when that could not be decided within the state limit. Also
  // when not known(): a run that reaches a doubled transition is still a run.
  std::optional<std::vector<std::pair<Index, Index>>> occurring_together(std::span<const Index> steps) const;

 private:
  struct Blocks;
  struct Explored;
  const Workflow* workflow_;
  SearchLimit state_limit_;
  std::unique_ptr<Blocks> blocks_;
  std::unique_ptr<Explored> explored_;
};

// Work that re-establishes a fact valid on every run before it.
struct Repetition {
  Index step = 0;               // the control or the producing step
  Index artifact = 0;
  std::string aspect;           // the aspect controlled; empty for produced information
  std::vector<Index> earlier;   // the steps that established the fact, by index
  // The repeating step, then the earlier ones.
  std::vector<Index> steps() const {
    std::vector<Index> out{step};
    out.insert(out.end(), earlier.begin(), earlier.end());
    return out;
  }
  friend bool operator==(const Repetition&, const Repetition&) = default;
};

struct Repetitions {
  // A control's check of `artifact` for `aspect`, in step order and then the
  // order of the step's `checks`.
  std::vector<Repetition> controls;
  // Information a step writes without reading it, made again from
  // information that has not changed; in step order, then artifact order.
  std::vector<Repetition> productions;
  bool known = true;          // false: nothing could be established (see StepRelations::known)
  bool limit_reached = false;
};

Repetitions find_repetitions(const Workflow& workflow, const StepRelations& relations);

// The relations and repetitions of the context's workflow, made once and
// shared; when the state limit was reached, `check_id` is marked incomplete.
// Without a check, for an analysis they only spare work, nothing is marked.
const StepRelations& step_relations(CheckContext& context);
const StepRelations& step_relations(CheckContext& context, std::string_view check_id);
const Repetitions& repetitions(CheckContext& context, std::string_view check_id);

}  // namespace baton
