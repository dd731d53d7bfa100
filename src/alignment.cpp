#include <baton/alignment.hpp>

#include <algorithm>
#include <limits>
#include <queue>
#include <stdexcept>
#include <string>

namespace baton {

namespace {

constexpr std::uint32_t infinite = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();

}  // namespace

bool is_silent_step(const Step& s) {
  return s.kind == StepKind::gateway ||
         ((s.kind == StepKind::start || s.kind == StepKind::end) &&
          std::find(s.tags.begin(), s.tags.end(), "silent") != s.tags.end());
}

// Markings are bitsets of `words` 64-bit words: bit 0 the place before the
// start step, bit 1 + t transition t, bit `final_bit` the final place (an
// end step ran and nothing is pending).
struct AlignmentNet::Data {
  std::size_t words = 0;
  std::size_t final_bit = 0;
  // Net transitions, ordered by step, then by the transitions they consume
  // and produce, so "by step index" is "by net transition index".
  std::vector<Index> step;
  std::vector<std::uint32_t> cost;
  std::vector<std::uint64_t> consume, produce;  // `words` per net transition
  // The net transitions whose lowest consumed place is the place: each
  // enabled one is found once from a marking's set bits.
  std::vector<std::vector<std::uint32_t>> by_place;
  // Per place: a lower bound on the visible cost of a complete run's part
  // that consumes the place's token and what follows from it (infinite: the
  // token can never be used up, so no complete run follows).
  std::vector<std::uint32_t> dist;
  // Per place, when the workflow is small enough (see reachable_steps): the
  // steps that may still fire once the place holds a token, `step_words`
  // words each. An event of a step no marked place reaches is a log move.
  std::size_t step_words = 0;
  std::vector<std::uint64_t> reach;
  std::vector<bool> is_end;  // per step
  std::vector<std::uint32_t> step_cost;

  const std::uint64_t* consumed(std::uint32_t k) const { return &consume[k * words]; }
  const std::uint64_t* produced(std::uint32_t k) const { return &produce[k * words]; }
};

namespace {

void set_bit(std::uint64_t* words, std::size_t bit) { words[bit / 64] |= std::uint64_t{1} << (bit % 64); }

// The least visible cost from each step's firing to a step with no way out,
// following the arcs the restriction allows: every token is used up along
// such a chain of firings, so the chain's cost is a lower bound for any
// complete run that consumes it. AND splits take the cheapest branch (a
// lower bound still).
std::vector<std::uint32_t> cost_to_sink(const Workflow& wf, const CaseRestriction& restriction,
                                        const std::vector<std::uint32_t>& step_cost) {
  const Index n = wf.steps().size();
  auto allowed = [&](Index t) {
    const Index from = wf.transition(t).from;
    if (wf.step(from).split == Gate::parallel) return true;
    auto c = restriction.choices(from);
    return std::find(c.begin(), c.end(), t) != c.end();
  };
  std::vector<std::uint32_t> d(n, infinite);
  using Item = std::pair<std::uint32_t, Index>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
  for (Index s = 0; s < n; ++s) {
    auto out = wf.outgoing(s);
    if (std::none_of(out.begin(), out.end(), allowed)) {
      d[s] = step_cost[s];
      queue.push({d[s], s});
    }
  }
  while (!queue.empty()) {
    auto [ds, s] = queue.top();
    queue.pop();
    if (ds != d[s]) continue;
    for (Index t : wf.incoming(s)) {
      if (!allowed(t)) continue;
      const Index p = wf.transition(t).from;
      const std::uint32_t candidate = ds + step_cost[p];
      if (candidate < d[p]) {
        d[p] = candidate;
        queue.push({candidate, p});
      }
    }
  }
  return d;
}

// Per step, the steps reachable from it (itself included) along the arcs the
// restriction allows, `words` words each; empty above a size where the
// table would cost more than it saves.
std::vector<std::uint64_t> reachable_steps(const Workflow& wf, const CaseRestriction& restriction, std::size_t& words) {
  const Index n = wf.steps().size();
  constexpr Index largest = 2048;
  words = (n + 63) / 64;
  if (n > largest) {
    words = 0;
    return {};
  }
  std::vector<std::uint64_t> out(n * words, 0);
  std::vector<Index> stack;
  for (Index from = 0; from < n; ++from) {
    std::uint64_t* seen = &out[from * words];
    stack.assign(1, from);
    set_bit(seen, from);
    while (!stack.empty()) {
      const Index s = stack.back();
      stack.pop_back();
      auto follow = [&](Index t) {
        const Index to = wf.transition(t).to;
        if ((seen[to / 64] >> (to % 64)) & 1U) return;
        set_bit(seen, to);
        stack.push_back(to);
      };
      if (wf.step(s).split == Gate::parallel)
        for (Index t : wf.outgoing(s)) follow(t);
      else
        for (Index t : restriction.choices(s)) follow(t);
    }
  }
  return out;
}

}  // namespace

// The A* search over (marking, events consumed). States live in flat arrays
// and a hash table of state ids that is reset by a generation stamp, so one
// search reuses the memory of the last.
struct Aligner::Search {
  explicit Search(const AlignmentNet::Data& net) : net(net), words(net.words) {}

  enum class Outcome { found, limit_reached, exhausted };

  const AlignmentNet::Data& net;
  const std::size_t words;

  // Per state.
  std::vector<std::uint64_t> marks;  // `words` per state
  std::vector<std::uint32_t> pos, g, h, parent, move;  // move: net transition << 2 | MoveKind
  std::vector<std::uint32_t> never;  // the unreachable events counted into h
  std::vector<bool> counted;         // never is exact, not inherited
  // Hash table: generation << 32 | state id.
  static constexpr std::size_t initial_slots = 1024;
  std::vector<std::uint64_t> slots;
  std::uint64_t generation = 0;
  std::size_t count = 0;

  struct Entry {
    std::uint64_t key;  // f << 32 | events still to consume: lower f, then deeper first
    std::uint32_t seq;  // then first generated first
    std::uint32_t id, g;
    bool operator>(const Entry& o) const { return key != o.key ? key > o.key : seq > o.seq; }
  };
  std::vector<Entry> heap;
  std::uint32_t seq = 0;

  // Per trace position: unknown and known events from there on.
  std::vector<std::uint32_t> unknown_after, known_after;
  std::span<const TraceEvent> trace;
  bool open = false;
  std::uint64_t limit = 0;

  std::vector<std::uint64_t> current, next, reached;  // reached: steps the marked places reach
  std::vector<std::uint32_t> enabled;

  std::uint64_t hash(const std::uint64_t* m, std::uint32_t p) const {
    std::uint64_t x = 0x9e3779b97f4a7c15ULL * (p + 1);
    for (std::size_t w = 0; w < words; ++w) {
      x ^= m[w] + 0x9e3779b97f4a7c15ULL + (x << 6) + (x >> 2);
      x *= 0xff51afd7ed558ccdULL;
    }
    return x ^ (x >> 32);
  }

  bool same(std::uint32_t id, const std::uint64_t* m, std::uint32_t p) const {
    return pos[id] == p && std::equal(m, m + words, &marks[std::size_t{id} * words]);
  }

  void place(std::uint32_t id) {
    const std::size_t mask = slots.size() - 1;
    for (std::size_t i = hash(&marks[std::size_t{id} * words], pos[id]) & mask;; i = (i + 1) & mask) {
      if ((slots[i] >> 32) != generation) {
        slots[i] = generation << 32 | id;
        return;
      }
    }
  }

  void grow() {
    slots.assign(slots.size() * 2, 0);
    for (std::uint32_t id = 0; id < count; ++id) place(id);
  }

  // The state's id, or `none` when it is new (then `slot` is where it goes).
  std::uint32_t find(const std::uint64_t* m, std::uint32_t p, std::size_t& slot) const {
    const std::size_t mask = slots.size() - 1;
    for (std::size_t i = hash(m, p) & mask;; i = (i + 1) & mask) {
      if ((slots[i] >> 32) != generation) {
        slot = i;
        return none;
      }
      const auto id = static_cast<std::uint32_t>(slots[i]);
      if (same(id, m, p)) return id;
    }
  }

  // Events of steps no marked place reaches: they can only be log moves.
  std::uint32_t unreachable_events(const std::uint64_t* m, std::uint32_t p) {
    const std::size_t sw = net.step_words;
    if (sw == 0 || trace.size() - p > 256) return 0;  // not worth it: a weaker bound is still a bound
    std::fill(reached.begin(), reached.end(), 0);
    for (std::size_t w = 0; w < words; ++w)
      for (std::uint64_t bits = m[w]; bits != 0; bits &= bits - 1) {
        const std::uint64_t* r = &net.reach[(w * 64 + static_cast<std::size_t>(__builtin_ctzll(bits))) * sw];
        for (std::size_t v = 0; v < sw; ++v) reached[v] |= r[v];
      }
    std::uint32_t count = 0;
    for (std::size_t j = p; j < trace.size(); ++j)
      if (const auto s = trace[j].step; s && !((reached[*s / 64] >> (*s % 64)) & 1U)) ++count;
    return count;
  }

  // `never`: unreachable_events or a lower bound for it.
  std::uint32_t heuristic(const std::uint64_t* m, std::uint32_t p, std::uint32_t never) const {
    const std::uint32_t value = unknown_after[p] + never;
    if (open) return value;
    // Every place's token must be used up; the costliest chain from one of
    // them is a lower bound for the run's rest, and each known event still
    // to come that the run may have can pay for at most one of its steps by
    // synchronising.
    std::uint32_t run = 0;
    bool marked = false;
    for (std::size_t w = 0; w < words; ++w)
      for (std::uint64_t bits = m[w]; bits != 0; bits &= bits - 1) {
        marked = true;
        run = std::max(run, net.dist[w * 64 + static_cast<std::size_t>(__builtin_ctzll(bits))]);
      }
    if (!marked || run == infinite) return infinite;  // stuck, or no complete run follows
    const std::uint32_t may_sync = known_after[p] - never;
    return value + (run > may_sync ? run - may_sync : 0);
  }

  void push(std::uint32_t id) {
    const std::uint64_t f = std::uint64_t{g[id]} + h[id];
    heap.push_back({f << 32 | (trace.size() - pos[id]), seq++, id, g[id]});
    std::push_heap(heap.begin(), heap.end(), std::greater<>{});
  }

  // Reaches (m, p) with cost `cost` from `from` by `code`; false past the
  // limit. `unreachable`: a lower bound of unreachable_events there.
  bool reach(const std::uint64_t* m, std::uint32_t p, std::uint32_t cost, std::uint32_t from, std::uint32_t code,
             std::uint32_t unreachable) {
    std::size_t slot = 0;
    std::uint32_t id = find(m, p, slot);
    if (id == none) {
      if (count >= limit) return false;
      id = static_cast<std::uint32_t>(count++);
      marks.resize(count * words);
      std::copy(m, m + words, &marks[std::size_t{id} * words]);
      pos.push_back(p);
      g.push_back(cost);
      h.push_back(heuristic(m, p, unreachable));
      never.push_back(unreachable);
      counted.push_back(false);
      parent.push_back(from);
      move.push_back(code);
      slots[slot] = generation << 32 | id;
      if (count * 2 > slots.size()) grow();
    } else if (cost < g[id]) {
      // Reopened: the heuristic is admissible, not proven consistent.
      g[id] = cost;
      parent[id] = from;
      move[id] = code;
    } else {
      return true;
    }
    if (h[id] != infinite) push(id);
    return true;
  }

  // Fires net transition k on `current` into `next`.
  void fire(std::uint32_t k) {
    const std::uint64_t* c = net.consumed(k);
    const std::uint64_t* pr = net.produced(k);
    bool empty = true;
    for (std::size_t w = 0; w < words; ++w) {
      next[w] = (current[w] & ~c[w]) | pr[w];
      empty = empty && next[w] == 0;
    }
    if (empty && net.is_end[net.step[k]]) set_bit(next.data(), net.final_bit);
  }

  void collect_enabled() {
    enabled.clear();
    for (std::size_t w = 0; w < words; ++w)
      for (std::uint64_t bits = current[w]; bits != 0; bits &= bits - 1) {
        const std::size_t place_bit = w * 64 + static_cast<std::size_t>(__builtin_ctzll(bits));
        for (std::uint32_t k : net.by_place[place_bit]) {
          const std::uint64_t* c = net.consumed(k);
          const std::uint64_t* pr = net.produced(k);
          bool ok = true;
          for (std::size_t v = 0; v < words && ok; ++v)
            ok = (current[v] & c[v]) == c[v] && ((current[v] & ~c[v]) & pr[v]) == 0;  // enabled, stays safe
          if (ok) enabled.push_back(k);
        }
      }
    std::sort(enabled.begin(), enabled.end());
  }

  bool goal(std::uint32_t id) const {
    if (pos[id] != trace.size()) return false;
    if (open) return true;
    const std::uint64_t* m = &marks[std::size_t{id} * words];
    for (std::size_t w = 0; w < words; ++w) {
      const std::uint64_t want = w == net.final_bit / 64 ? std::uint64_t{1} << (net.final_bit % 64) : 0;
      if (m[w] != want) return false;
    }
    return true;
  }

  Outcome run(std::span<const TraceEvent> events, bool open_case, std::uint64_t state_limit, std::uint32_t& found) {
    trace = events;
    open = open_case;
    limit = std::min<std::uint64_t>(state_limit, none - 1);
    const auto n = static_cast<std::uint32_t>(events.size());
    unknown_after.assign(n + 1, 0);
    known_after.assign(n + 1, 0);
    for (std::uint32_t i = n; i-- > 0;) {
      unknown_after[i] = unknown_after[i + 1] + (events[i].step ? 0 : 1);
      known_after[i] = known_after[i + 1] + (events[i].step ? 1 : 0);
    }
    count = 0;
    marks.clear();
    pos.clear();
    g.clear();
    h.clear();
    never.clear();
    counted.clear();
    parent.clear();
    move.clear();
    heap.clear();
    seq = 0;
    // A table grown by a large search would make every probe of the next,
    // small ones a cache miss: start each search small.
    if (slots.size() != initial_slots) slots.assign(initial_slots, 0);
    if (++generation == std::uint64_t{1} << 32) {  // the stamp wrapped: clear once
      generation = 1;
      std::fill(slots.begin(), slots.end(), 0);
    }
    current.assign(words, 0);
    next.assign(words, 0);
    reached.assign(net.step_words, 0);
    set_bit(current.data(), 0);
    if (!reach(current.data(), 0, 0, none, 0, 0)) return Outcome::limit_reached;

    while (!heap.empty()) {
      std::pop_heap(heap.begin(), heap.end(), std::greater<>{});
      const Entry e = heap.back();
      heap.pop_back();
      if (e.g != g[e.id]) continue;  // reached more cheaply since
      if (goal(e.id)) {
        found = e.id;
        return Outcome::found;
      }
      if (!counted[e.id]) {
        // Counting unreachable events costs a pass over the rest of the
        // trace, so a state is reached with its parent's count (a move only
        // shrinks what the marking reaches, so that is still a lower bound)
        // and counted when it comes up; a higher bound goes back in line.
        counted[e.id] = true;
        const std::uint32_t u = unreachable_events(&marks[std::size_t{e.id} * words], pos[e.id]);
        if (u > never[e.id]) {
          never[e.id] = u;
          h[e.id] = heuristic(&marks[std::size_t{e.id} * words], pos[e.id], u);
          if (h[e.id] != infinite) push(e.id);
          continue;
        }
      }
      const std::uint32_t p = pos[e.id];
      std::copy_n(&marks[std::size_t{e.id} * words], words, current.begin());
      collect_enabled();
      if (p < n) {
        // A log move consumes an event that may have been counted.
        const std::uint32_t inherited = never[e.id] - (events[p].step && never[e.id] > 0 ? 1 : 0);
        if (const auto step = events[p].step) {
          for (std::uint32_t k : enabled) {
            if (net.step[k] != *step) continue;
            fire(k);
            if (!reach(next.data(), p + 1, e.g, e.id, k << 2 | static_cast<std::uint32_t>(MoveKind::synchronous),
                       never[e.id]))
              return Outcome::limit_reached;
          }
        }
        if (!reach(current.data(), p + 1, e.g + 1, e.id, static_cast<std::uint32_t>(MoveKind::log), inherited))
          return Outcome::limit_reached;
      }
      for (std::uint32_t k : enabled) {
        fire(k);
        if (!reach(next.data(), p, e.g + net.cost[k], e.id, k << 2 | static_cast<std::uint32_t>(MoveKind::model),
                   never[e.id]))
          return Outcome::limit_reached;
      }
    }
    return Outcome::exhausted;
  }

  std::vector<AlignmentMove> moves_to(std::uint32_t id) const {
    std::vector<AlignmentMove> out;
    for (; parent[id] != none; id = parent[id]) {
      const auto kind = static_cast<MoveKind>(move[id] & 3U);
      const std::uint32_t k = move[id] >> 2;
      AlignmentMove m{kind, {}, {}};
      if (kind != MoveKind::log) m.step = net.step[k];
      if (kind != MoveKind::model) {
        m.event = pos[parent[id]];
        if (kind == MoveKind::log) m.step = trace[*m.event].step;
      }
      out.push_back(m);
    }
    std::reverse(out.begin(), out.end());
    return out;
  }
};

AlignmentNet::AlignmentNet(const Workflow& workflow, const CaseRestriction& restriction, std::uint64_t state_limit)
    : workflow_(workflow), data_(std::make_unique<Data>()) {
  Data& d = *data_;
  const Index steps = workflow.steps().size();
  const Index transitions = workflow.transitions().size();
  const std::size_t places = transitions + 2;
  d.words = (places + 63) / 64;
  d.final_bit = transitions + 1;
  d.by_place.resize(places);
  d.is_end.resize(steps);
  d.step_cost.resize(steps);
  for (Index s = 0; s < steps; ++s) {
    d.is_end[s] = workflow.step(s).kind == StepKind::end;
    d.step_cost[s] = is_silent_step(workflow.step(s)) ? 0 : 1;
  }
  for (Index s = 0; s < steps; ++s) {
    const Step& st = workflow.step(s);
    // The sets of places a firing of s may consume, and produce into.
    std::vector<std::vector<std::size_t>> takes, puts;
    auto in = workflow.incoming(s);
    if (s == workflow.start()) takes.push_back({0});
    else if (in.empty()) continue;  // never enabled
    else if (st.join == Gate::parallel) {
      takes.emplace_back();
      for (Index t : in) takes.back().push_back(t + 1);
    } else {
      for (Index t : in) takes.push_back({t + 1});
    }
    auto out = workflow.outgoing(s);
    if (st.split == Gate::parallel) {
      puts.emplace_back();
      for (Index t : out) puts.back().push_back(t + 1);
    } else if (auto choices = restriction.choices(s); choices.empty()) {
      puts.emplace_back();
    } else {
      for (Index t : choices) puts.push_back({t + 1});
    }
    for (const auto& take : takes)
      for (const auto& put : puts) {
        const auto k = static_cast<std::uint32_t>(d.step.size());
        d.step.push_back(s);
        d.cost.push_back(d.step_cost[s]);
        d.consume.resize((k + 1) * d.words, 0);
        d.produce.resize((k + 1) * d.words, 0);
        for (std::size_t b : take) set_bit(&d.consume[k * d.words], b);
        for (std::size_t b : put) set_bit(&d.produce[k * d.words], b);
        d.by_place[*std::min_element(take.begin(), take.end())].push_back(k);
      }
  }
  const auto to_sink = cost_to_sink(workflow, restriction, d.step_cost);
  d.dist.assign(places, infinite);
  d.dist[0] = to_sink[workflow.start()];
  for (Index t = 0; t < transitions; ++t) d.dist[t + 1] = to_sink[workflow.transition(t).to];
  d.dist[d.final_bit] = 0;
  const auto from_step = reachable_steps(workflow, restriction, d.step_words);
  if (d.step_words != 0) {
    // The source reaches what the start step does; the final place nothing.
    d.reach.assign(places * d.step_words, 0);
    auto copy_from = [&](std::size_t place, Index step) {
      std::copy_n(&from_step[step * d.step_words], d.step_words, &d.reach[place * d.step_words]);
    };
    copy_from(0, workflow.start());
    for (Index t = 0; t < transitions; ++t) copy_from(t + 1, workflow.transition(t).to);
  }

  Aligner::Search search(d);
  std::uint32_t found = 0;
  switch (search.run({}, false, state_limit, found)) {
    case Aligner::Search::Outcome::found: cheapest_ = search.g[found]; break;
    case Aligner::Search::Outcome::limit_reached: cheapest_limit_reached_ = true; break;
    case Aligner::Search::Outcome::exhausted: break;
  }
}

AlignmentNet::~AlignmentNet() = default;

std::uint32_t AlignmentNet::model_cost(Index step) const { return data_->step_cost.at(step); }

Aligner::Aligner(const AlignmentNet& net) : net_(net), search_(std::make_unique<Search>(net.data())) {}
Aligner::~Aligner() = default;

Alignment Aligner::align(std::span<const TraceEvent> trace, const AlignOptions& options) {
  const Index steps = net_.workflow().steps().size();
  for (std::size_t i = 0; i < trace.size(); ++i)
    if (trace[i].step && *trace[i].step >= steps)
      throw std::out_of_range("event " + std::to_string(i) + " names step " + std::to_string(*trace[i].step) +
                              " of a workflow with " + std::to_string(steps));
  Alignment result;
  if (net_.cheapest_limit_reached()) {
    result.status = AlignmentStatus::limit_reached;
    return result;
  }
  if (!net_.cheapest_complete_run()) {
    result.status = AlignmentStatus::no_complete_run;
    return result;
  }
  std::uint32_t found = 0;
  const auto outcome = search_->run(trace, options.open, options.state_limit, found);
  result.states = search_->count;
  if (outcome == Search::Outcome::limit_reached) {
    result.status = AlignmentStatus::limit_reached;
    return result;
  }
  // With a complete run, every trace aligns (log moves, then that run).
  if (outcome == Search::Outcome::exhausted) throw std::logic_error("alignment search found no alignment");
  result.moves = search_->moves_to(found);
  result.cost = search_->g[found];
  const double denominator = static_cast<double>(trace.size() + *net_.cheapest_complete_run());
  result.fitness = denominator == 0 ? 1.0 : 1.0 - static_cast<double>(result.cost) / denominator;
  return result;
}

Alignment align(const AlignmentNet& net, std::span<const TraceEvent> trace, const AlignOptions& options) {
  Aligner aligner(net);
  return aligner.align(trace, options);
}

}  // namespace baton
