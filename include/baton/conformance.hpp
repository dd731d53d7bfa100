// Deviations of a case from the workflow, in the workflow's words
// (shared/spec/event-logs.md, "What is computed per case", item 2). This
// unit derives those an alignment shows; those that need timestamps, teams
// and requirements (other-team, requirement-violated, deadline-missed,
// overdue, step-too-long) use the same struct.
#pragma once

#include <baton/alignment.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace baton {

enum class DeviationKind : std::uint8_t {
  skipped_step,          // a model move on a visible step: it should have happened and did not
  unexpected_step,       // a log move of a known step: it happened where the workflow does not allow it
  out_of_order,          // a log move and a model move of the same step: it happened at the wrong place
  unknown_activity,      // an event that matches no step
  other_team,
  requirement_violated,
  deadline_missed,
  overdue,
  step_too_long,
};

// The kind's id as the spec and the output write it ("skipped-step").
std::string_view to_string(DeviationKind);

struct Deviation {
  DeviationKind kind = DeviationKind::skipped_step;
  std::optional<Index> step;         // the step concerned
  std::optional<Index> event;        // the event (index in the trace) where it happened
  // skipped-step, out-of-order: the index of the event before which the
  // workflow has the step (the trace's length: after the last event).
  std::optional<Index> expected_at;
  std::optional<Index> requirement;  // requirement-violated, deadline-missed, overdue
  std::vector<std::string> args;     // figures for the message (durations, teams), kind-specific
  friend bool operator==(const Deviation&, const Deviation&) = default;
};

// The deviations an optimal alignment shows, in the order of its moves
// (an out-of-order step at its log move). A step with both log and model
// moves has its n-th log move paired with its n-th model move as one
// out-of-order; unpaired moves stay unexpected-step and skipped-step. Model
// moves on gateways are no deviation. Open cases need nothing special: their
// prefix alignment has no model move after the last event, so no step still
// ahead of the case is reported skipped.
std::vector<Deviation> alignment_deviations(const Workflow& workflow, const Alignment& alignment);

}  // namespace baton
