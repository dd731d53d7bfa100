#include <baton/requirements.hpp>

#include <baton/messages.hpp>

#include <baton/check.hpp>
#include <baton/dataflow.hpp>
#include <baton/graph.hpp>
#include <baton/semantics.hpp>

#include "checks/finding_for.hpp"

#include <boost/graph/strong_components.hpp>
#include <boost/graph/topological_sort.hpp>

#include <algorithm>
#include <array>
#include <functional>
#include <limits>
#include <unordered_map>

namespace baton {
namespace {

std::vector<bool> matches(const Workflow& wf, const Selector& selector) {
  std::vector<bool> out(wf.steps().size());
  for (Index s : selector.steps) out[s] = true;
  return out;
}

std::vector<Index> indices_where(const std::vector<bool>& marks) {
  std::vector<Index> out;
  for (Index i = 0; i < marks.size(); ++i)
    if (marks[i]) out.push_back(i);
  return out;
}

// The transitions a step takes when it completes, in one scope: all of them
// after an AND split, the ones the case type allows after an XOR split.
std::span<const Index> productions(const Workflow& wf, const CaseRestriction& scope, Index step) {
  return wf.step(step).split == Gate::parallel ? wf.outgoing(step) : scope.choices(step);
}

// Which steps could fire, and which transitions could be taken, in runs of a
// scope in which the `barred` steps never fire, if an AND-join could fire as
// soon as each incoming transition can be taken in some run. Every step a
// real run fires is found here, so what is not found never fires.
class Reach {
 public:
  Reach(const Workflow& wf, const CaseRestriction& scope, const std::vector<bool>& barred)
      : wf_(wf), fires_(wf.steps().size()), taken_(wf.transitions().size()), arrived_(wf.steps().size()) {
    std::vector<Index> work;
    const auto offer = [&](Index s) {
      if (fires_[s] || barred[s] || !ready(s)) return;
      fires_[s] = true;
      work.push_back(s);
    };
    offer(wf.start());
    while (!work.empty()) {
      const Index s = work.back();
      work.pop_back();
      for (Index t : productions(wf, scope, s)) {
        if (taken_[t]) continue;
        taken_[t] = true;
        ++arrived_[wf.transition(t).to];
        offer(wf.transition(t).to);
      }
    }
  }

  bool fires(Index step) const { return fires_[step]; }
  bool taken(Index transition) const { return taken_[transition]; }
  // Whether the transitions taken would let `step` fire, barred or not.
  bool ready(Index step) const {
    if (step == wf_.start()) return true;
    const auto in = wf_.incoming(step);
    return wf_.step(step).join == Gate::parallel ? !in.empty() && arrived_[step] == in.size() : arrived_[step] > 0;
  }

 private:
  const Workflow& wf_;
  std::vector<bool> fires_, taken_;
  std::vector<std::size_t> arrived_;
};

// The transitions a case of the scope may take between steps that can fire,
// as a graph; `keep(from, to)` narrows them further.
StepGraph permitted_graph(const Workflow& wf, const CaseRestriction& scope, const Reach& reach,
                          const std::function<bool(Index, Index)>& keep) {
  StepGraph g(wf.steps().size());
  for (Index s = 0; s < wf.steps().size(); ++s) {
    if (!reach.fires(s)) continue;
    for (Index t : productions(wf, scope, s)) {
      const Index to = wf.transition(t).to;
      if (reach.fires(to) && keep(s, to)) boost::add_edge(s, to, t, g);
    }
  }
  return g;
}

// The first state, breadth first, where `found` holds: the run to it is a
// shortest one.
std::optional<StateId> first_where(const StateSpace& space, const std::function<bool(const State&)>& found) {
  for (StateId id = 0; id < space.size(); ++id)
    if (found(space.state(id))) return id;
  return std::nullopt;
}

const CaseType* case_type_of(const Workflow& wf, std::optional<Index> case_type) {
  return case_type ? &wf.case_types()[*case_type] : nullptr;
}

// --- rules -------------------------------------------------------------------

constexpr std::uint8_t seen_first = 1;  // existence: a matching step; precedence: a first step
constexpr std::uint8_t too_early = 2;   // precedence: a then step fired before any first step
constexpr std::uint8_t unanswered = 1;  // response: a first step fired, no then step since

// What a rule remembers of a run, and when the run breaks it.
class RuleWatch {
 public:
  RuleWatch(const Workflow& wf, const Rule& rule)
      : wf_(wf), type_(rule.type), first_(matches(wf, rule.first)), then_(matches(wf, rule.then)) {}

  std::uint8_t after(std::uint8_t seen, Index step) const {
    switch (type_) {
      case RuleType::existence:
        return first_[step] ? seen | seen_first : seen;
      case RuleType::precedence:
        if (then_[step] && !(seen & seen_first)) seen |= too_early;
        return first_[step] ? seen | seen_first : seen;
      case RuleType::response:
        if (then_[step]) seen &= ~unanswered;
        return first_[step] ? seen | unanswered : seen;
    }
    return seen;
  }

  bool broken(const State& s) const {
    const bool complete = s.phase == State::Phase::complete;
    switch (type_) {
      case RuleType::existence: return complete && !(s.monitor & seen_first);
      case RuleType::precedence: return s.monitor & too_early;
      case RuleType::response: return complete && (s.monitor & unanswered);
    }
    return false;
  }

  // The step a finding is about, on a shortest breaking run: the then step
  // that ends it, or the last first step, after which no then step came.
  std::optional<Index> offending(const std::vector<Index>& run) const {
    if (type_ == RuleType::existence) return std::nullopt;
    if (type_ == RuleType::precedence) return run.back();
    return *std::find_if(run.rbegin(), run.rend(), [&](Index s) { return first_[s]; });
  }

  // False when no run of the scope can break the rule (exact); true when
  // one might.
  bool may_break(const CaseRestriction& scope) const {
    switch (type_) {
      case RuleType::existence: {
        const Reach without(wf_, scope, first_);
        return std::ranges::any_of(wf_.ends(), [&](Index e) { return without.fires(e); });
      }
      case RuleType::precedence: {
        const Reach without(wf_, scope, first_);
        return std::ranges::any_of(indices_where(then_), [&](Index t) { return without.ready(t); });
      }
      case RuleType::response: return response_may_break(scope);
    }
    return true;
  }

 private:
  // In a complete run every token a first step produces is passed on until
  // a step with no way on: if the run has no then step after the first
  // step, that chain of steps is a path to such a step avoiding then steps.
  bool response_may_break(const CaseRestriction& scope) const {
    const Reach reach(wf_, scope, std::vector<bool>(wf_.steps().size()));
    const auto open = [&](Index s) { return reach.fires(s) && !then_[s]; };
    std::vector<Index> stops;
    for (Index s = 0; s < wf_.steps().size(); ++s)
      if (open(s) && productions(wf_, scope, s).empty()) stops.push_back(s);
    const auto escapes = reachable(
        permitted_graph(wf_, scope, reach, [&](Index from, Index to) { return open(from) && open(to); }), stops,
        true);
    for (Index f : indices_where(first_)) {
      if (!reach.fires(f)) continue;
      const auto out = productions(wf_, scope, f);
      if (out.empty() ||
          std::ranges::any_of(out, [&](Index t) { return open(wf_.transition(t).to) && escapes[wf_.transition(t).to]; }))
        return true;
    }
    return false;
  }

  const Workflow& wf_;
  RuleType type_;
  std::vector<bool> first_, then_;
};

enum class Verdict { holds, broken, unknown };

struct RuleOutcome {
  Verdict verdict = Verdict::holds;
  RuleViolation violation;
};

RuleOutcome judge(const Workflow& wf, const RuleWatch& watch, std::optional<Index> case_type, SearchLimit limit) {
  const CaseRestriction scope(wf, case_type_of(wf, case_type));
  if (!watch.may_break(scope)) return {};
  const TokenGame game(wf, scope, [&](std::uint8_t seen, Index step) { return watch.after(seen, step); });
  const StateSpace space(game, affordable_states(limit, wf.transitions().size()));
  limit.spend(space.size(), wf.transitions().size());
  const auto at = first_where(space, [&](const State& s) { return watch.broken(s); });
  if (!at) return {space.exhausted() ? Verdict::holds : Verdict::unknown, {}};
  RuleOutcome out{Verdict::broken, {}};
  out.violation.case_type = case_type;
  out.violation.run = space.run_to(*at);
  out.violation.step = watch.offending(out.violation.run);
  return out;
}

// --- deadlines ---------------------------------------------------------------

// Never negative: the deadline search marks unreached states with -1.
std::int64_t seconds_of(const Step& step) {
  return step.duration ? std::max<std::int64_t>(0, step.duration->static_seconds()) : 0;
}

// A step whose time is not known: a gateway takes none (it only routes).
bool undated(const Step& step) { return !step.duration && step.kind != StepKind::gateway; }

// The steps of a span a reader is told about: gateways left out, unless a
// list is nothing else (a loop of gateways alone).
void leave_out_gateways(const Workflow& wf, std::vector<Index>& steps) {
  const auto gateway = [&](Index s) { return wf.step(s).kind == StepKind::gateway; };
  if (!std::ranges::all_of(steps, gateway)) std::erase_if(steps, gateway);
}

// Whether the graph alone shows that no deadline check has anything to
// report for the scope: the steps a chain can pass are dated, loop-free and
// their longest path is within the limit. When no first step can run
// concurrently with a step that leads into a step after it, every step of a
// chain comes after the first step (one that does not would be concurrent
// with it), so a chain is a path through the steps that can run after a
// first step and lead to a then step with no then step in between.
bool surely_within(const Workflow& wf, const Rule& rule, const CaseRestriction& scope, const StepRelations& relations) {
  const Reach reach(wf, scope, std::vector<bool>(wf.steps().size()));
  std::vector<bool> first = matches(wf, rule.first), then = matches(wf, rule.then);
  for (Index s = 0; s < wf.steps().size(); ++s) first[s] = first[s] && reach.fires(s);
  const StepGraph no_then_within = permitted_graph(wf, scope, reach, [&](Index from, Index) { return !then[from]; });
  std::vector<Index> after_first;
  for (Index f : indices_where(first))
    for (Index t : productions(wf, scope, f)) after_first.push_back(wf.transition(t).to);
  const auto after = reachable(no_then_within, after_first), leads = reachable(no_then_within, indices_where(then), true);
  std::vector<bool> between(wf.steps().size());
  std::vector<Index> feeding;
  for (Index s = 0; s < wf.steps().size(); ++s) {
    between[s] = after[s] && leads[s];
    if (!between[s]) continue;
    if (undated(wf.step(s))) return false;
    for (Index t : wf.incoming(s))
      if (reach.taken(t)) feeding.push_back(wf.transition(t).from);
  }
  const auto group = relations.group(feeding);
  if (std::ranges::any_of(indices_where(first), [&](Index f) { return relations.concurrent_with_any(f, group); }))
    return false;
  StepGraph chains(wf.steps().size());
  for (auto e : boost::make_iterator_range(boost::edges(no_then_within))) {
    const auto from = boost::source(e, no_then_within), to = boost::target(e, no_then_within);
    if (between[from] && between[to]) boost::add_edge(from, to, chains);
  }
  std::vector<std::size_t> order;
  try {
    boost::topological_sort(chains, std::back_inserter(order));
  } catch (const boost::not_a_dag&) {
    return false;  // a loop may run in between
  }
  std::vector<std::int64_t> until(wf.steps().size());  // the longest chain ending at each step
  std::int64_t longest = 0;
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    if (!between[*it]) continue;
    until[*it] = saturating_add(until[*it], seconds_of(wf.step(*it)));
    longest = std::max(longest, until[*it]);
    for (auto e : boost::make_iterator_range(boost::out_edges(*it, chains)))
      until[boost::target(e, chains)] = std::max(until[boost::target(e, chains)], until[*it]);
  }
  return longest <= rule.within->static_seconds();
}

using Bits = std::vector<std::uint64_t>;  // one bit per transition, as State::marking

void set_bits(Bits& bits, std::span<const Index> transitions, bool on) {
  for (Index t : transitions) {
    const std::uint64_t bit = std::uint64_t{1} << (t % 64);
    bits[t / 64] = on ? bits[t / 64] | bit : bits[t / 64] & ~bit;
  }
}

bool any_of_bits(const Bits& bits, std::span<const Index> transitions) {
  return std::ranges::any_of(transitions, [&](Index t) { return (bits[t / 64] >> (t % 64)) & 1U; });
}

bool no_bits(const Bits& bits) {
  return std::ranges::all_of(bits, [](std::uint64_t w) { return w == 0; });
}

// A state of the deadline search: the token game's state and, once the run
// watches an occurrence of a first step, which tokens descend from it and
// which one carries the chain.
struct Watch {
  State state;
  Bits after;     // tokens descending from the watched first step with no then step in between
  Bits answered;  // tokens descending from it through a then step
  std::int64_t head = -1;  // the transition whose token the chain continues from; -1: nothing watched yet
  friend bool operator==(const Watch&, const Watch&) = default;
};

struct WatchHash {
  std::size_t operator()(const Watch& w) const {
    std::size_t h = static_cast<std::size_t>(w.state.phase) * 31 + static_cast<std::size_t>(w.head + 1);
    for (const Bits* bits : {&w.state.marking, &w.after, &w.answered})
      for (std::uint64_t word : *bits) h = (h ^ word) * 0x100000001b3ULL + (h >> 29);
    return h;
  }
};

using NodeId = std::uint32_t;

// `step` runs from node `from` to node `to`; with `chain`, it takes over the
// chain's token, so its duration counts.
struct Arc {
  NodeId from = 0, to = 0;
  Index step = 0;
  bool chain = false;
};

// The deadline search of requirements.hpp (DeadlineSpan) for one rule and
// scope: the graph of watch states, with one extra node, the goal, which an
// arc reaches when a then step that comes next after the watched first step
// takes over the chain's token.
class DeadlineSearch {
 public:
  DeadlineSearch(const Workflow& wf, const Rule& rule, const CaseRestriction& scope, SearchLimit limit)
      : wf_(wf), game_(wf, scope), first_(matches(wf, rule.first)), then_(matches(wf, rule.then)) {
    explore(affordable_states(limit, wf.transitions().size(), 3));  // a watch state keeps three sets of transitions
    limit.spend(nodes_.size(), wf.transitions().size(), 3);
  }

  bool exhausted() const { return exhausted_; }
  bool answered() const { return std::ranges::any_of(arcs_, [&](const Arc& a) { return a.to == goal(); }); }
  // Call only when exhausted() and answered().
  DeadlineSpan span() const;

 private:
  NodeId goal() const { return static_cast<NodeId>(nodes_.size()); }

  void explore(std::uint64_t limit) {
    std::unordered_map<Watch, NodeId, WatchHash> ids;
    const auto reach = [&](NodeId from, Watch w, Index step, bool chain) {
      auto [it, fresh] = ids.try_emplace(std::move(w), static_cast<NodeId>(nodes_.size()));
      if (fresh) {
        if (nodes_.size() >= limit) {
          exhausted_ = false;
          return;
        }
        nodes_.push_back(it->first);
      }
      arcs_.push_back({from, it->second, step, chain});
    };
    nodes_.push_back({game_.initial(), Bits(words()), Bits(words()), -1});
    ids.emplace(nodes_.front(), 0);
    for (NodeId id = 0; id < nodes_.size() && exhausted_; ++id) {
      const Watch w = nodes_[id];  // nodes_ grows below
      for (const Move& m : game_.moves(w.state)) expand(id, w, m, reach);
    }
    for (Arc& arc : arcs_)
      if (arc.to == goal_marker) arc.to = goal();
  }

  std::size_t words() const { return (wf_.transitions().size() + 63) / 64; }

  template <class Reach>
  void expand(NodeId id, const Watch& w, const Move& m, const Reach& reach) {
    State next = game_.apply(w.state, m);
    // Runs end at a doubled transition (semantics.hpp); a then step that
    // completes the case still counts.
    const bool goes_on = !next.overflow && next.phase == State::Phase::running;
    if (w.head < 0) {
      if (!goes_on) return;
      if (first_[m.step] && !m.produced.empty()) {
        // Watch this occurrence: the chain may start at any token there is
        // now, the ones it produced and branches that opened before it.
        Watch watched{next, Bits(words()), Bits(words()), -1};
        set_bits(watched.after, m.produced, true);
        for (Index t = 0; t < wf_.transitions().size(); ++t)
          if (next.marked(t)) {
            watched.head = static_cast<std::int64_t>(t);
            reach(id, watched, m.step, false);
          }
      }
      reach(id, {std::move(next), Bits(words()), Bits(words()), -1}, m.step, false);
      return;
    }
    const bool from_after = any_of_bits(w.after, m.consumed), from_answered = any_of_bits(w.answered, m.consumed);
    const bool comes_next = then_[m.step] && from_after && !from_answered;
    const bool on_chain = std::ranges::find(m.consumed, static_cast<Index>(w.head)) != m.consumed.end();
    if (on_chain && comes_next) {
      arcs_.push_back({id, goal_marker, m.step, true});
      return;
    }
    if (!goes_on) return;
    Watch n{std::move(next), w.after, w.answered, w.head};
    set_bits(n.after, m.consumed, false);
    set_bits(n.answered, m.consumed, false);
    if (from_answered || comes_next) set_bits(n.answered, m.produced, true);
    else if (from_after) set_bits(n.after, m.produced, true);
    if (no_bits(n.after)) return;  // no then step can come next any more
    if (!on_chain) {
      reach(id, std::move(n), m.step, false);
      return;
    }
    for (Index t : m.produced) {
      n.head = static_cast<std::int64_t>(t);
      reach(id, n, m.step, true);
    }
  }

  // The arcs as a graph; the goal is the last vertex. With `live`, only
  // arcs from which the goal can be reached.
  StepGraph graph(const std::vector<bool>* live = nullptr) const {
    StepGraph g(nodes_.size() + 1);
    for (Index a = 0; a < arcs_.size(); ++a) {
      const Arc& arc = arcs_[a];
      if (!live || (*live)[arc.to]) boost::add_edge(arc.from, arc.to, a, g);
    }
    return g;
  }

  struct Longest {
    std::vector<Index> run, along;  // every step of the run; the first step, then the chain
    std::int64_t seconds = 0;
  };
  Longest longest(const StepGraph& live, const std::vector<std::size_t>& component) const;
  std::vector<Index> path_inside(const StepGraph& live, const std::vector<std::size_t>& component, NodeId from,
                                 NodeId to) const;

  const Workflow& wf_;
  TokenGame game_;
  std::vector<bool> first_, then_;
  std::vector<Watch> nodes_;
  std::vector<Arc> arcs_;
  bool exhausted_ = true;
  // While exploring, arcs to the goal point here; the goal is numbered last.
  static constexpr NodeId goal_marker = std::numeric_limits<NodeId>::max();
};

std::vector<Index> DeadlineSearch::path_inside(const StepGraph& live, const std::vector<std::size_t>& component,
                                               NodeId from, NodeId to) const {
  // Breadth first inside one component, remembering the arc into each node.
  constexpr Index none = std::numeric_limits<Index>::max();
  std::vector<Index> into(boost::num_vertices(live), none);
  std::vector<NodeId> queue{from};
  for (std::size_t i = 0; i < queue.size() && queue.back() != to && from != to; ++i)
    for (auto e : boost::make_iterator_range(boost::out_edges(queue[i], live))) {
      const auto next = static_cast<NodeId>(boost::target(e, live));
      if (component[next] != component[from] || next == from || into[next] != none) continue;
      into[next] = boost::get(boost::edge_index, live, e);
      queue.push_back(next);
    }
  std::vector<Index> out;
  for (NodeId at = to; at != from; at = arcs_[into[at]].from) out.push_back(into[at]);
  std::ranges::reverse(out);
  return out;
}

// Without a loop, arcs inside a component of the live graph do not carry the
// chain, so they take no time: the longest time is a longest path over the
// components, and the run crosses each component by a shortest way.
DeadlineSearch::Longest DeadlineSearch::longest(const StepGraph& live, const std::vector<std::size_t>& component) const {
  const std::size_t count = *std::ranges::max_element(component) + 1;
  StepGraph dag(count);
  for (auto e : boost::make_iterator_range(boost::edges(live))) {
    const Arc& arc = arcs_[boost::get(boost::edge_index, live, e)];
    if (component[arc.from] != component[arc.to])
      boost::add_edge(component[arc.from], component[arc.to], boost::get(boost::edge_index, live, e), dag);
  }
  std::vector<std::size_t> order;
  boost::topological_sort(dag, std::back_inserter(order));
  std::ranges::reverse(order);
  constexpr Index none = std::numeric_limits<Index>::max();
  std::vector<std::int64_t> best(count, -1);
  std::vector<Index> entry(count, none);  // the arc into each component on a longest path
  best[component[0]] = 0;
  for (std::size_t c : order) {
    if (best[c] < 0) continue;
    for (auto e : boost::make_iterator_range(boost::out_edges(c, dag))) {
      const Index a = boost::get(boost::edge_index, dag, e);
      const std::int64_t time = saturating_add(best[c], arcs_[a].chain ? seconds_of(wf_.step(arcs_[a].step)) : 0);
      const std::size_t next = boost::target(e, dag);
      // Of equally long ways, the one from the state found first: a shorter run.
      if (time > best[next] || (time == best[next] && arcs_[a].from < arcs_[entry[next]].from))
        best[next] = time, entry[next] = a;
    }
  }
  std::vector<Index> path;  // arcs, last first
  for (NodeId at = goal();;) {
    const std::size_t c = component[at];
    const bool initial = c == component[0];
    const auto inside = path_inside(live, component, initial ? 0 : arcs_[entry[c]].to, at);
    path.insert(path.end(), inside.rbegin(), inside.rend());
    if (initial) break;
    path.push_back(entry[c]);
    at = arcs_[entry[c]].from;
  }
  std::ranges::reverse(path);
  Longest out;
  out.seconds = best[component[goal()]];
  for (Index a : path) {
    const Arc& arc = arcs_[a];
    out.run.push_back(arc.step);
    if (arc.chain || (nodes_[arc.from].head < 0 && nodes_[arc.to].head >= 0)) out.along.push_back(arc.step);
  }
  return out;
}

DeadlineSpan DeadlineSearch::span() const {
  const std::array<Index, 1> goal_vertex{goal()};
  const auto live_nodes = reachable(graph(), goal_vertex, true);
  const StepGraph live = graph(&live_nodes);
  std::vector<std::size_t> component(boost::num_vertices(live));
  boost::strong_components(live,
                           boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, live)));
  DeadlineSpan out;
  // A chain arc inside a component can be repeated: a loop. The one named
  // is the component of the loop step first in step order.
  std::optional<std::pair<Index, std::size_t>> loop;  // step, component
  for (auto e : boost::make_iterator_range(boost::edges(live))) {
    const Arc& arc = arcs_[boost::get(boost::edge_index, live, e)];
    if (!arc.chain) continue;
    if (undated(wf_.step(arc.step))) out.undated.push_back(arc.step);
    if (component[arc.from] == component[arc.to] && (!loop || arc.step < loop->first))
      loop = {arc.step, component[arc.from]};
  }
  if (loop)
    for (auto e : boost::make_iterator_range(boost::edges(live))) {
      const Arc& arc = arcs_[boost::get(boost::edge_index, live, e)];
      if (arc.chain && component[arc.from] == loop->second && component[arc.to] == loop->second)
        out.loop.push_back(arc.step);
    }
  for (auto* steps : {&out.undated, &out.loop}) {
    std::ranges::sort(*steps);
    steps->erase(std::unique(steps->begin(), steps->end()), steps->end());
  }
  leave_out_gateways(wf_, out.loop);
  if (loop) return out;
  Longest l = longest(live, component);
  out.longest_seconds = l.seconds;
  out.longest = std::move(l.along);
  leave_out_gateways(wf_, out.longest);
  out.run = std::move(l.run);
  return out;
}

// --- case types ----------------------------------------------------------------

// Where the cases of a scope that cannot fire an end step stop: AND-joins
// some of whose transitions are taken, and steps with no way on.
std::vector<Index> stuck_in_graph(const Workflow& wf, const CaseRestriction& scope, const Reach& reach) {
  std::vector<Index> out;
  for (Index s = 0; s < wf.steps().size(); ++s) {
    const bool waits = !reach.fires(s) && std::ranges::any_of(wf.incoming(s), [&](Index t) { return reach.taken(t); });
    const bool no_way_on = reach.fires(s) && wf.step(s).kind != StepKind::end && productions(wf, scope, s).empty();
    if (waits || no_way_on) out.push_back(s);
  }
  return out;
}

std::vector<Index> stuck_in_states(const Workflow& wf, const TokenGame& game, const StateSpace& space) {
  std::vector<Index> out;
  for (StateId id = 0; id < space.size(); ++id) {
    const State& s = space.state(id);
    if (!game.deadlocked(s)) continue;
    if (s.empty()) out.push_back(space.run_to(id).back());
    for (Index t = 0; t < wf.transitions().size(); ++t)
      if (s.marked(t)) out.push_back(wf.transition(t).to);
  }
  std::ranges::sort(out);
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

std::vector<std::optional<Index>> requirement_scopes(const Requirement& requirement) {
  if (!requirement.case_types) return {std::nullopt};
  return {requirement.case_types->begin(), requirement.case_types->end()};
}

RuleViolations find_rule_violations(const Workflow& workflow, RuleType type, SearchLimit state_limit) {
  RuleViolations out;
  for (Index r = 0; r < workflow.requirements().size(); ++r) {
    const auto& rule = workflow.requirements()[r].rule;
    if (!rule || rule->type != type) continue;
    const RuleWatch watch(workflow, *rule);
    for (const auto case_type : requirement_scopes(workflow.requirements()[r])) {
      RuleOutcome outcome = judge(workflow, watch, case_type, state_limit);
      out.exhausted = out.exhausted && outcome.verdict != Verdict::unknown;
      if (outcome.verdict != Verdict::broken) continue;
      outcome.violation.requirement = r;
      out.found.push_back(std::move(outcome.violation));
    }
  }
  return out;
}

DeadlineSpans find_deadline_spans(const Workflow& workflow, SearchLimit state_limit,
                                  const StepRelations* relations) {
  DeadlineSpans out;
  for (Index r = 0; r < workflow.requirements().size(); ++r) {
    const auto& rule = workflow.requirements()[r].rule;
    if (!rule || rule->type != RuleType::response || !rule->within) continue;
    for (const auto case_type : requirement_scopes(workflow.requirements()[r])) {
      const CaseRestriction scope(workflow, case_type_of(workflow, case_type));
      if (relations && relations->known() && surely_within(workflow, *rule, scope, *relations)) continue;
      const DeadlineSearch search(workflow, *rule, scope, state_limit);
      out.exhausted = out.exhausted && search.exhausted();
      if (!search.exhausted() || !search.answered()) continue;
      DeadlineSpan span = search.span();
      span.requirement = r;
      span.case_type = case_type;
      span.calendar_units = rule->within->uses_calendar_units() || std::ranges::any_of(span.longest, [&](Index s) {
                              const auto& d = workflow.step(s).duration;
                              return d && d->uses_calendar_units();
                            });
      out.found.push_back(std::move(span));
    }
  }
  return out;
}

const DeadlineSpans& deadline_spans(CheckContext& context, const Check& check) {
  const Workflow& wf = context.workflow();
  const auto& spans = context.shared<DeadlineSpans>([&] {
    const bool any = std::ranges::any_of(wf.requirements(), [](const Requirement& r) { return r.rule && r.rule->within; });
    // They only spare an exploration, so reaching their limit marks nothing.
    const StepRelations* relations = any ? &step_relations(context) : nullptr;
    return find_deadline_spans(wf, context.search_limit(), relations);
  });
  if (!spans.exhausted) context.mark_incomplete(check.id);
  return spans;
}

CaseTypeCompleteness find_incomplete_case_types(const Workflow& workflow, SearchLimit state_limit,
                                                const StepRelations* relations) {
  // Made of blocks with one end, every token joins before the end runs, and
  // the branches of an AND block go their ways independently: where each
  // transition into an AND-join can be taken in some run, all can in one.
  // The graph's answer is then exact, and no state need be explored.
  const bool blocks = relations && relations->block_structured() && workflow.ends().size() == 1;
  CaseTypeCompleteness out;
  for (Index c = 0; c < workflow.case_types().size(); ++c) {
    const CaseRestriction scope(workflow, &workflow.case_types()[c]);
    const Reach reach(workflow, scope, std::vector<bool>(workflow.steps().size()));
    if (std::ranges::none_of(workflow.ends(), [&](Index e) { return reach.fires(e); })) {
      out.incomplete.push_back({c, stuck_in_graph(workflow, scope, reach)});
      continue;
    }
    if (blocks) continue;
    const TokenGame game(workflow, scope);
    const StateSpace space(game, affordable_states(state_limit, workflow.transitions().size()));
    state_limit.spend(space.size(), workflow.transitions().size());
    const auto complete = first_where(space, [](const State& s) { return s.phase == State::Phase::complete; });
    // A run that takes a transition twice is not followed further (semantics.hpp):
    // whether it could complete is lack-of-synchronization's question.
    const auto doubled = first_where(space, [](const State& s) { return s.overflow.has_value(); });
    if (complete || doubled) continue;
    if (!space.exhausted()) {
      out.exhausted = false;
      continue;
    }
    out.incomplete.push_back({c, stuck_in_states(workflow, game, space)});
  }
  return out;
}

Finding requirement_finding(const Check& check, const Workflow& workflow, Index requirement,
                            std::optional<Index> case_type, const std::string& message) {
  Finding f = checks::finding_for(check, pointer_to("requirements", requirement), message);
  f.requirement = workflow.requirements()[requirement].id;
  if (case_type) f.case_type = workflow.case_types()[*case_type].id;
  return f;
}

void report_rule_violations(CheckContext& context, const Check& check, RuleType type,
                            std::string (*describe)(const CheckContext&, const RuleViolation&),
                            std::vector<Finding>& out) {
  const Workflow& wf = context.workflow();
  const RuleViolations violations = find_rule_violations(wf, type, context.search_limit());
  if (!violations.exhausted) context.mark_incomplete(check.id);
  for (const RuleViolation& v : violations.found) {
    Finding f = requirement_finding(check, wf, v.requirement, v.case_type, describe(context, v));
    if (v.step) f.steps = {wf.step(*v.step).id};
    f.witness = step_ids(wf, v.run);
    out.push_back(std::move(f));
  }
}

void report_deadline_steps(CheckContext& context, const Check& check, std::vector<Index> DeadlineSpan::*steps,
                           std::string (*describe)(const CheckContext&, const DeadlineSpan&, const std::string& first,
                                                   const std::string& then),
                           std::vector<Finding>& out) {
  const Workflow& wf = context.workflow();
  for (const DeadlineSpan& span : deadline_spans(context, check).found) {
    if ((span.*steps).empty()) continue;
    const Rule& rule = *wf.requirements()[span.requirement].rule;
    Finding f = requirement_finding(
        check, wf, span.requirement, span.case_type,
        describe(context, span, describe_steps(wf, context.lang(), rule.first.steps, Msg::word_or),
                 describe_steps(wf, context.lang(), rule.then.steps, Msg::word_or)));
    f.steps = step_ids(wf, span.*steps);
    out.push_back(std::move(f));
  }
}

std::string describe_steps(const Workflow& workflow, Lang lang, std::span<const Index> steps, Msg conjunction) {
  constexpr std::size_t named = 3;  // a selector may match many steps; the message names a few
  const std::string word = say(lang, conjunction);
  std::string out;
  for (std::size_t i = 0; i < steps.size() && i < named; ++i) {
    const bool last = i + 1 == steps.size() || i + 1 == named;
    out += (i == 0 ? "" : last && steps.size() <= named ? " " + word + " " : ", ") +
           quote(lang, workflow.step(steps[i]).name);
  }
  if (steps.size() > named)
    out += " " + word + " " + say(lang, Msg::steps_more, {{"n", std::to_string(steps.size() - named)}});
  return out;
}

std::string describe_requirement(const Workflow& workflow, Lang lang, Index requirement, std::optional<Index> case_type) {
  const std::string& id = workflow.requirements()[requirement].id;
  if (!case_type) return say(lang, Msg::requirement_ref, {{"requirement", id}});
  return say(lang, Msg::requirement_ref_case_type,
             {{"requirement", id}, {"case_type", quote(lang, workflow.case_types()[*case_type].name)}});
}

}  // namespace baton
