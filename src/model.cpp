#include <baton/model.hpp>

namespace baton {

std::string_view to_string(StepKind k) {
  switch (k) {
    case StepKind::start: return "start";
    case StepKind::task: return "task";
    case StepKind::control: return "control";
    case StepKind::decision: return "decision";
    case StepKind::gateway: return "gateway";
    case StepKind::end: return "end";
  }
  return "task";
}

std::string_view to_string(Gate g) { return g == Gate::parallel ? "and" : "xor"; }

std::string_view to_string(RuleType t) {
  switch (t) {
    case RuleType::existence: return "existence";
    case RuleType::precedence: return "precedence";
    case RuleType::response: return "response";
  }
  return "existence";
}

std::string pointer_to(std::string_view list, Index i) {
  // Appended piece by piece: GCC 12 at -O3 warns falsely (-Wrestrict) on "/" + string.
  std::string out = "/";
  out += list;
  out += '/';
  out += std::to_string(i);
  return out;
}

std::shared_ptr<const Workflow> Workflow::make(WorkflowParts parts, SourceMap sources) {
  return std::shared_ptr<const Workflow>(new Workflow(std::move(parts), std::move(sources)));
}

Workflow::Workflow(WorkflowParts parts, SourceMap sources)
    : parts_(std::move(parts)),
      outgoing_(parts_.steps.size()),
      incoming_(parts_.steps.size()),
      sources_(std::move(sources)) {
  for (Index i = 0; i < parts_.steps.size(); ++i) {
    const Step& s = parts_.steps[i];
    if (s.kind == StepKind::start) start_ = i;
    if (s.kind == StepKind::end) ends_.push_back(i);
    step_ids_.emplace(s.id, i);
  }
  for (Index t = 0; t < parts_.transitions.size(); ++t) {
    outgoing_.at(parts_.transitions[t].from).push_back(t);
    incoming_.at(parts_.transitions[t].to).push_back(t);
  }
  for (Index i = 0; i < parts_.case_types.size(); ++i) case_type_ids_.emplace(parts_.case_types[i].id, i);
  for (Index i = 0; i < parts_.requirements.size(); ++i)
    requirement_ids_.emplace(parts_.requirements[i].id, i);
}

std::optional<Index> Workflow::find(const IdMap& map, std::string_view id) {
  auto it = map.find(id);
  if (it == map.end()) return std::nullopt;
  return it->second;
}

const SourceLocation* Workflow::source_of(std::string_view pointer) const {
  if (sources_.empty()) return nullptr;
  // "/steps/4/team" is in the step "/steps/4", which is in the workflow "".
  std::string p(pointer);
  while (true) {
    if (auto it = sources_.find(p); it != sources_.end()) return &it->second;
    if (p.empty()) return nullptr;
    p.erase(p.rfind('/'));
  }
}

HandoverKind Workflow::handover_kind(Index transition) const {
  const Transition& t = parts_.transitions.at(transition);
  const Step& a = parts_.steps.at(t.from);
  const Step& b = parts_.steps.at(t.to);
  if (!a.team || !b.team) return HandoverKind::none;
  if (*a.team != *b.team) return HandoverKind::team;
  if (a.role && b.role && *a.role != *b.role) return HandoverKind::role;
  return HandoverKind::none;
}

}  // namespace baton
