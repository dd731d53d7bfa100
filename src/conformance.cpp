#include <baton/conformance.hpp>

#include <map>

namespace baton {

std::string_view to_string(DeviationKind kind) {
  switch (kind) {
    case DeviationKind::skipped_step: return "skipped-step";
    case DeviationKind::unexpected_step: return "unexpected-step";
    case DeviationKind::out_of_order: return "out-of-order";
    case DeviationKind::unknown_activity: return "unknown-activity";
    case DeviationKind::other_team: return "other-team";
    case DeviationKind::requirement_violated: return "requirement-violated";
    case DeviationKind::deadline_missed: return "deadline-missed";
    case DeviationKind::overdue: return "overdue";
    case DeviationKind::step_too_long: return "step-too-long";
  }
  return "?";
}

std::vector<Deviation> alignment_deviations(const Workflow& workflow, const Alignment& alignment) {
  const auto& moves = alignment.moves;
  // Where each model move sits: the index of the next event.
  std::vector<Index> event_after(moves.size());
  Index events = 0;
  for (std::size_t i = 0; i < moves.size(); ++i) {
    event_after[i] = events;
    if (moves[i].kind != MoveKind::model) ++events;
  }
  // Per step, its log moves and its (visible) model moves, in order.
  std::map<Index, std::pair<std::vector<std::size_t>, std::vector<std::size_t>>> by_step;
  for (std::size_t i = 0; i < moves.size(); ++i) {
    const AlignmentMove& m = moves[i];
    if (!m.step) continue;
    if (m.kind == MoveKind::log) by_step[*m.step].first.push_back(i);
    if (m.kind == MoveKind::model && !is_silent_step(workflow.step(*m.step)))
      by_step[*m.step].second.push_back(i);
  }
  // The model move each log move pairs with, and the moves so paired.
  std::vector<std::optional<std::size_t>> partner(moves.size());
  std::vector<bool> paired(moves.size(), false);
  for (const auto& [step, lists] : by_step) {
    const auto& [logs, models] = lists;
    for (std::size_t k = 0; k < logs.size() && k < models.size(); ++k) {
      partner[logs[k]] = models[k];
      paired[logs[k]] = paired[models[k]] = true;
    }
  }
  std::vector<Deviation> out;
  for (std::size_t i = 0; i < moves.size(); ++i) {
    const AlignmentMove& m = moves[i];
    if (m.kind == MoveKind::synchronous) continue;
    Deviation d;
    d.step = m.step;
    d.event = m.event;
    if (m.kind == MoveKind::log) {
      if (!m.step) d.kind = DeviationKind::unknown_activity;
      else if (partner[i]) {
        d.kind = DeviationKind::out_of_order;
        d.expected_at = event_after[*partner[i]];
      } else d.kind = DeviationKind::unexpected_step;
    } else {
      if (paired[i] || is_silent_step(workflow.step(*m.step))) continue;
      d.kind = DeviationKind::skipped_step;
      d.expected_at = event_after[i];
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace baton
