#include <baton/model.hpp>

#include <algorithm>

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
  find_handovers();
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

HandoverKind Workflow::owners_differ(Index from, Index to) const {
  const Step& a = parts_.steps.at(from);
  const Step& b = parts_.steps.at(to);
  if (!a.team || !b.team) return HandoverKind::none;
  if (*a.team != *b.team) return HandoverKind::team;
  if (a.role && b.role && *a.role != *b.role) return HandoverKind::role;
  return HandoverKind::none;
}

std::vector<Way> ways_on(const Workflow& wf, Index step, const AllowedWays& allowed) {
  const auto choices = [&](Index s) { return allowed ? allowed(s) : wf.outgoing(s); };
  std::vector<Way> out;
  for (Index first : choices(step)) {
    if (wf.step(wf.transition(first).to).kind != StepKind::gateway) {
      out.push_back({first});
      continue;
    }
    // Breadth first over the gateways; the map keeps the search as small as
    // the gateways behind `first` on workflows of any size.
    std::unordered_map<Index, Index> reached_by{{first, first}};  // transition -> the one before it
    std::vector<Index> queue{first}, lasts;
    for (std::size_t q = 0; q < queue.size(); ++q) {
      const Index to = wf.transition(queue[q]).to;
      if (wf.step(to).kind != StepKind::gateway) {
        lasts.push_back(queue[q]);
        continue;
      }
      for (Index next : choices(to))
        if (reached_by.emplace(next, queue[q]).second) queue.push_back(next);
    }
    std::sort(lasts.begin(), lasts.end());
    for (Index last : lasts) {
      Way way{last};
      while (way.back() != first) way.push_back(reached_by.at(way.back()));
      std::reverse(way.begin(), way.end());
      out.push_back(std::move(way));
    }
  }
  return out;
}

void Workflow::find_handovers() {
  for (Index from = 0; from < parts_.steps.size(); ++from) {
    // A gateway hands nothing over; a step with no team is in no handover.
    if (parts_.steps[from].kind == StepKind::gateway || !parts_.steps[from].team) continue;
    for (Way& way : ways_on(*this, from)) {
      const Index to = parts_.transitions[way.back()].to;
      const HandoverKind kind = owners_differ(from, to);
      if (kind == HandoverKind::none) continue;
      HandoverPath h{from, to, std::move(way), kind, std::nullopt};
      if (parts_.transitions[h.last()].handover) h.described_by = h.last();
      else if (parts_.transitions[h.first()].handover) h.described_by = h.first();
      handovers_.push_back(std::move(h));
    }
  }
  std::sort(handovers_.begin(), handovers_.end(), [](const HandoverPath& a, const HandoverPath& b) {
    return std::pair{a.first(), a.last()} < std::pair{b.first(), b.last()};
  });
}

const HandoverPath* Workflow::handover(Index first, Index last) const {
  auto it = std::lower_bound(handovers_.begin(), handovers_.end(), std::pair{first, last},
                             [](const HandoverPath& h, std::pair<Index, Index> key) {
                               return std::pair{h.first(), h.last()} < key;
                             });
  if (it == handovers_.end() || it->first() != first || it->last() != last) return nullptr;
  return &*it;
}

const Handover* Workflow::handover_of(const HandoverPath& path) const {
  if (!path.described_by) return nullptr;
  return &*parts_.transitions.at(*path.described_by).handover;
}

}  // namespace baton
