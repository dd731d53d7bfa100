#include <baton/semantics.hpp>

#include <algorithm>
#include <unordered_map>

namespace baton {

CaseRestriction::CaseRestriction(const Workflow& workflow, const CaseType* case_type)
    : case_type_(case_type), allowed_(workflow.steps().size()) {
  for (Index s = 0; s < workflow.steps().size(); ++s) {
    auto out = workflow.outgoing(s);
    allowed_[s].assign(out.begin(), out.end());
  }
  if (!case_type) return;
  for (const Choice& c : case_type->choices) allowed_[c.step] = {c.transition};
}

bool State::empty() const {
  return std::all_of(marking.begin(), marking.end(), [](std::uint64_t w) { return w == 0; });
}

TokenGame::TokenGame(const Workflow& workflow, const CaseRestriction& restriction, Monitor monitor,
                     std::uint8_t initial_monitor)
    : workflow_(workflow),
      restriction_(restriction),
      monitor_(std::move(monitor)),
      initial_monitor_(initial_monitor),
      words_((workflow.transitions().size() + 63) / 64) {}

State TokenGame::initial() const {
  State s;
  s.marking.assign(words_, 0);
  s.monitor = initial_monitor_;
  return s;
}

std::vector<Move> TokenGame::moves(const State& s) const {
  std::vector<Move> out;
  if (s.overflow || s.phase == State::Phase::complete || s.phase == State::Phase::stuck) return out;
  auto add_productions = [&](Index step, std::vector<Index> consumed) {
    const Step& st = workflow_.step(step);
    if (st.split == Gate::parallel) {
      auto all = workflow_.outgoing(step);
      out.push_back({step, std::move(consumed), {all.begin(), all.end()}});
      return;
    }
    auto choices = restriction_.choices(step);
    if (choices.empty()) {
      out.push_back({step, std::move(consumed), {}});
      return;
    }
    for (Index t : choices) out.push_back({step, consumed, {t}});
  };
  if (s.phase == State::Phase::fresh) {
    add_productions(workflow_.start(), {});
    return out;
  }
  // Steps with at least one token waiting, in index order.
  std::vector<Index> candidates;
  for (std::size_t w = 0; w < s.marking.size(); ++w) {
    for (std::uint64_t bits = s.marking[w]; bits != 0; bits &= bits - 1) {
      const Index t = w * 64 + static_cast<Index>(__builtin_ctzll(bits));
      candidates.push_back(workflow_.transition(t).to);
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  for (Index step : candidates) {
    auto in = workflow_.incoming(step);
    if (workflow_.step(step).join == Gate::parallel) {
      if (std::all_of(in.begin(), in.end(), [&](Index t) { return s.marked(t); }))
        add_productions(step, {in.begin(), in.end()});
    } else {
      for (Index t : in)
        if (s.marked(t)) add_productions(step, {t});
    }
  }
  return out;
}

State TokenGame::apply(const State& s, const Move& m) const {
  State next = s;
  next.phase = State::Phase::running;
  for (Index t : m.consumed) next.marking[t / 64] &= ~(std::uint64_t{1} << (t % 64));
  for (Index t : m.produced) {
    if (next.marked(t)) next.overflow = t;
    next.marking[t / 64] |= std::uint64_t{1} << (t % 64);
  }
  if (monitor_) next.monitor = monitor_(s.monitor, m.step);
  if (!next.overflow && next.empty())
    next.phase = workflow_.step(m.step).kind == StepKind::end ? State::Phase::complete : State::Phase::stuck;
  return next;
}

namespace {
struct StateHash {
  std::size_t operator()(const State& s) const {
    std::size_t h = static_cast<std::size_t>(s.phase) * 31 + s.monitor;
    for (std::uint64_t w : s.marking) h = (h ^ w) * 0x100000001b3ULL + (h >> 29);
    if (s.overflow) h ^= *s.overflow * 0x9e3779b97f4a7c15ULL;
    return h;
  }
};
}  // namespace

namespace {
std::uint64_t bytes_per_state(std::size_t transitions, std::uint64_t marking_sets) {
  constexpr std::uint64_t per_state_overhead = 256;  // the state's entry, its index entry, its successors
  // Each set is held twice: in the state list and in the index.
  return 2 * marking_sets * (transitions / 64 + 1) * 8 + per_state_overhead;
}
}  // namespace

std::uint64_t affordable_states(const SearchLimit& limit, std::size_t transitions, std::uint64_t marking_sets) {
  constexpr std::uint64_t memory = std::uint64_t{1} << 30;
  const std::uint64_t each = bytes_per_state(transitions, marking_sets);
  std::uint64_t states = std::min(limit.states, memory / each);
  if (limit.run) {
    states = std::min(states, limit.run->states_left);
    if (limit.run->memory_limited) states = std::min(states, limit.run->bytes_left / each);
  }
  return states;
}

void SearchLimit::spend(std::uint64_t kept, std::size_t transitions, std::uint64_t marking_sets) const {
  if (!run) return;
  run->states_left -= std::min(run->states_left, kept);
  if (!run->memory_limited) return;
  const std::uint64_t each = bytes_per_state(transitions, marking_sets);
  run->bytes_left -= std::min(run->bytes_left, kept * each);
  if (run->bytes_left < each) run->memory_reached = true;
}

StateSpace::StateSpace(const TokenGame& game, std::uint64_t limit) {
  std::unordered_map<State, StateId, StateHash> seen;
  auto add = [&](State s, Edge e) -> std::optional<StateId> {
    auto it = seen.find(s);
    if (it != seen.end()) return it->second;
    if (states_.size() >= limit) {
      limit_reached_ = true;
      return std::nullopt;
    }
    const auto id = static_cast<StateId>(states_.size());
    seen.emplace(s, id);
    states_.push_back(std::move(s));
    reached_by_.push_back(e);
    successors_.emplace_back();
    return id;
  };
  add(game.initial(), {0, 0});
  for (StateId id = 0; id < states_.size(); ++id) {
    for (const Move& m : game.moves(states_[id])) {
      auto next = add(game.apply(states_[id], m), {id, m.step});
      if (!next) return;
      successors_[id].push_back(*next);
    }
  }
}

std::span<const StateId> StateSpace::successors(StateId id) const { return successors_[id]; }

std::vector<Index> StateSpace::run_to(StateId id) const {
  std::vector<Index> run;
  for (; id != 0; id = reached_by_[id].parent) run.push_back(reached_by_[id].step);
  std::reverse(run.begin(), run.end());
  return run;
}

std::vector<StateId> StateSpace::path_to(StateId id) const {
  std::vector<StateId> path{id};
  for (; id != 0; id = reached_by_[id].parent) path.push_back(reached_by_[id].parent);
  std::reverse(path.begin(), path.end());
  return path;
}

std::vector<std::string> step_ids(const Workflow& workflow, std::span<const Index> steps) {
  std::vector<std::string> out;
  out.reserve(steps.size());
  for (Index s : steps) out.push_back(workflow.step(s).id);
  return out;
}

}  // namespace baton
