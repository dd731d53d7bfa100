#include <baton/dataflow.hpp>

#include <baton/check.hpp>
#include <baton/graph.hpp>
#include <baton/semantics.hpp>

#include "step_queue.hpp"

#include <boost/graph/depth_first_search.hpp>

#include <algorithm>
#include <array>
#include <functional>
#include <queue>
#include <unordered_set>

namespace baton {
namespace {

// --- blocks: the workflow as a tree of sequences, XOR and AND blocks and loops

using NodeId = std::int64_t;
constexpr NodeId no_node = -1;

enum class NodeKind : std::uint8_t { step, sequence, parallel, alternative, loop };

// The branches of a parallel node run concurrently, those of an alternative
// node exclude one another (but for the loops around it), those of a loop
// node follow one another.
struct Node {
  NodeKind kind = NodeKind::step;
  Index step = 0;
  std::vector<NodeId> children;
};

using PassageId = std::uint32_t;

// A way one token goes from one step to another: a transition, or a part of
// the workflow already reduced to a node.
struct Passage {
  Index from = 0, to = 0;
  NodeId content = no_node;
  bool live = true;
};

// Reduces sequences, blocks between a split and a join of the same kind, and
// rework loops, each to one passage, as long as one applies. A workflow made
// of blocks ends as passages from the start step to distinct last steps.
class BlockReducer {
 public:
  explicit BlockReducer(const Workflow& wf)
      : wf_(wf), in_(wf.steps().size()), out_(wf.steps().size()), loops_(in_.size()), queue_(in_.size()) {
    for (const Transition& t : wf.transitions()) add({t.from, t.to});
  }

  // The root of the tree, or nullopt when some part is no block.
  std::optional<NodeId> reduce() {
    queue_.push_all();
    while (const auto s = queue_.pop())
      (void)(shorten_sequence(*s) || drop_self_loop(*s) || drop_rework_loop(*s) ||
             (out_[*s].size() == 1 && drop_rework_loop(passages_[out_[*s][0]].to)));
    return root();
  }

  const std::vector<Node>& nodes() const { return nodes_; }

 private:
  // A step that takes or sends one token only: an XOR gate, or one passage.
  bool one_way_in(Index s) const { return wf_.step(s).join == Gate::exclusive || in_[s].size() == 1; }
  bool one_way_out(Index s) const { return wf_.step(s).split == Gate::exclusive || out_[s].size() == 1; }

  bool shorten_sequence(Index x) {
    if (x == wf_.start() || in_[x].size() != 1 || out_[x].size() != 1 || in_[x][0] == out_[x][0]) return false;
    const Passage a = passages_[in_[x][0]], b = passages_[out_[x][0]];
    remove(in_[x][0]);
    remove(out_[x][0]);
    ++absorbed_;
    connect({a.from, b.to, node(NodeKind::sequence, {a.content, step_node(x), b.content})});
    return true;
  }

  // A step that may send the case round a part and back to itself: the part
  // follows the step, it never runs beside it.
  bool drop_self_loop(Index x) {
    const auto self = std::find_if(out_[x].begin(), out_[x].end(), [&](PassageId p) { return passages_[p].to == x; });
    if (self == out_[x].end() || !one_way_in(x) || !one_way_out(x)) return false;
    loops_[x].push_back(passages_[*self].content);
    remove(*self);
    return true;
  }

  // u -> (body) -> d, where d may send the case back to u: one token goes
  // round the body and the way back, one after the other.
  bool drop_rework_loop(Index d) {
    if (in_[d].size() != 1 || wf_.step(d).split != Gate::exclusive) return false;
    const PassageId body = in_[d][0];
    const Index u = passages_[body].from;
    if (u == d || out_[u].size() != 1 || wf_.step(u).join != Gate::exclusive) return false;
    const auto back = std::find_if(out_[d].begin(), out_[d].end(), [&](PassageId p) { return passages_[p].to == u; });
    if (back == out_[d].end()) return false;
    passages_[body].content = node(NodeKind::loop, {passages_[body].content, passages_[*back].content});
    remove(*back);
    return true;
  }

  // Adds a passage, merged into one between the same steps when the split
  // and the join are of the same kind: the two are one XOR or AND block.
  void connect(Passage p) {
    const auto twin = std::find_if(out_[p.from].begin(), out_[p.from].end(),
                                   [&](PassageId q) { return passages_[q].to == p.to; });
    const Gate split = wf_.step(p.from).split;
    if (p.from == p.to || twin == out_[p.from].end() || split != wf_.step(p.to).join) {
      add(p);
      return;
    }
    Passage& q = passages_[*twin];
    q.content = node(split == Gate::parallel ? NodeKind::parallel : NodeKind::alternative, {q.content, p.content});
    queue_.push(p.from);
    queue_.push(p.to);
  }

  void add(const Passage& p) {
    const auto id = static_cast<PassageId>(passages_.size());
    passages_.push_back(p);
    out_[p.from].push_back(id);
    in_[p.to].push_back(id);
    queue_.push(p.from);
    queue_.push(p.to);
  }

  void remove(PassageId id) {
    Passage& p = passages_[id];
    p.live = false;
    std::erase(out_[p.from], id);
    std::erase(in_[p.to], id);
    queue_.push(p.from);
    queue_.push(p.to);
  }

  // Only what a part contains: empty passages (transitions) are left out.
  NodeId node(NodeKind kind, std::vector<NodeId> children) {
    std::erase(children, no_node);
    if (children.empty()) return no_node;
    if (children.size() == 1 && kind == NodeKind::sequence) return children[0];
    nodes_.push_back({kind, 0, std::move(children)});
    return static_cast<NodeId>(nodes_.size()) - 1;
  }

  NodeId step_node(Index s) {
    nodes_.push_back({NodeKind::step, s, {}});
    std::vector<NodeId> with_loops{static_cast<NodeId>(nodes_.size()) - 1};
    with_loops.insert(with_loops.end(), loops_[s].begin(), loops_[s].end());
    return node(with_loops.size() == 1 ? NodeKind::sequence : NodeKind::loop, std::move(with_loops));
  }

  // The start step, then what follows it: one passage, or its split's block
  // of passages to distinct last steps. Nothing else may be left.
  std::optional<NodeId> root() {
    const Index start = wf_.start();
    std::vector<NodeId> branches;
    std::vector<Index> last;
    for (const Passage& p : passages_) {
      if (!p.live) continue;
      if (p.from != start) return std::nullopt;
      last.push_back(p.to);
      branches.push_back(node(NodeKind::sequence, {p.content, step_node(p.to)}));
    }
    std::sort(last.begin(), last.end());
    if (std::adjacent_find(last.begin(), last.end()) != last.end()) return std::nullopt;
    if (absorbed_ + last.size() + 1 != wf_.steps().size()) return std::nullopt;
    const NodeKind kind = wf_.step(start).split == Gate::parallel ? NodeKind::parallel : NodeKind::alternative;
    return node(NodeKind::sequence, {step_node(start), node(kind, std::move(branches))});
  }

  const Workflow& wf_;
  std::vector<Passage> passages_;
  std::vector<Node> nodes_;
  std::vector<std::vector<PassageId>> in_, out_;
  std::vector<std::vector<NodeId>> loops_;  // parts that follow a step and come back to it
  StepQueue queue_;
  std::size_t absorbed_ = 0;
};

struct Range {
  std::uint32_t lo = 0, hi = 0;  // positions [lo, hi)
  bool holds(std::uint32_t p) const { return lo <= p && p < hi; }
};

}  // namespace

// The tree with sequences flattened: every step numbered in depth-first
// order, so that each branch of a block holds a range of positions.
struct StepRelations::Blocks {
  static constexpr std::int32_t top = -1;  // the workflow's own sequence

  struct Block {
    NodeKind kind = NodeKind::sequence;
    std::int32_t parent = top;
    std::uint32_t branch_in_parent = 0;
    std::uint32_t depth = 0;
    bool in_loop = false;  // the block or one around it is a loop
    std::vector<Range> branches;
  };
  // Where something sits: a branch of a block.
  struct Place {
    std::int32_t block = top;
    std::uint32_t branch = 0;
  };

  std::vector<Block> blocks;
  std::vector<Place> place;               // by step
  std::vector<std::uint32_t> position;    // by step

  Blocks(const std::vector<Node>& nodes, NodeId root, std::size_t steps) : place(steps), position(steps) {
    enum class Action : std::uint8_t { visit, open, close };
    struct Frame {
      NodeId node;
      Place at;
      Action action;
    };
    std::uint32_t next = 0;
    std::vector<Frame> todo{{root, {}, Action::visit}};
    while (!todo.empty()) {
      const Frame f = todo.back();
      todo.pop_back();
      if (f.action != Action::visit) {
        Range& r = blocks[f.at.block].branches[f.at.branch];
        (f.action == Action::open ? r.lo : r.hi) = next;
        continue;
      }
      const Node& n = nodes[f.node];
      if (n.kind == NodeKind::step) {
        place[n.step] = f.at;
        position[n.step] = next++;
        continue;
      }
      if (n.kind == NodeKind::sequence) {
        for (auto c = n.children.rbegin(); c != n.children.rend(); ++c) todo.push_back({*c, f.at, Action::visit});
        continue;
      }
      const auto b = static_cast<std::int32_t>(blocks.size());
      const Block* parent = f.at.block == top ? nullptr : &blocks[f.at.block];
      blocks.push_back({n.kind, f.at.block, f.at.branch, parent ? parent->depth + 1 : 0,
                        n.kind == NodeKind::loop || (parent && parent->in_loop),
                        std::vector<Range>(n.children.size())});
      for (auto i = n.children.size(); i-- > 0;) {
        const Place branch{b, static_cast<std::uint32_t>(i)};
        todo.push_back({no_node, branch, Action::close});
        todo.push_back({n.children[i], branch, Action::visit});
        todo.push_back({no_node, branch, Action::open});
      }
    }
  }

  Place up(Place p) const { return {blocks[p.block].parent, blocks[p.block].branch_in_parent}; }
  std::uint32_t depth(Place p) const { return p.block == top ? 0 : blocks[p.block].depth + 1; }

  // The block where the two steps part, with the branch of each; `top`
  // when they are in one sequence.
  std::pair<Place, Place> parting(Index a, Index b) const {
    Place pa = place[a], pb = place[b];
    while (pa.block != pb.block) {
      if (depth(pa) >= depth(pb))
        pa = up(pa);
      else
        pb = up(pb);
    }
    return {pa, pb};
  }

  // A block where they part in different branches, or nullptr.
  const Block* block_between(Index a, Index b) const {
    const auto [pa, pb] = parting(a, b);
    return pa.block == top || pa.branch == pb.branch ? nullptr : &blocks[pa.block];
  }

  bool concurrent(Index a, Index b) const {
    const Block* block = block_between(a, b);
    return block && block->kind == NodeKind::parallel;
  }

  // Different branches of an XOR block occur together only when a loop
  // around it takes one, then the other.
  bool together(Index a, Index b) const {
    const Block* block = block_between(a, b);
    return !block || block->kind != NodeKind::alternative || block->in_loop;
  }

  // Whether a position of `sorted` lies in a parallel block around `step`
  // but outside the step's own branch of it.
  bool concurrent_with_any(Index step, const std::vector<Index>& sorted) const {
    const auto below = [&](std::uint32_t position) { return std::lower_bound(sorted.begin(), sorted.end(), position); };
    const auto count = [&](Range r) { return below(r.hi) - below(r.lo); };
    for (Place p = place[step]; p.block != top; p = up(p)) {
      const Block& b = blocks[p.block];
      const Range all{b.branches.front().lo, b.branches.back().hi};
      if (b.kind == NodeKind::parallel && count(all) > count(b.branches[p.branch])) return true;
    }
    return false;
  }
};

// The reachable states of the token game, for workflows not made of blocks.
// Two steps run concurrently in some run exactly when some reachable state
// lets both run, each on tokens of its own; a step runs beside itself when
// an XOR-join holds two tokens. A token waiting at an AND-join for its
// partner is no step running yet.
struct StepRelations::Explored {
  std::unordered_set<std::uint64_t> concurrent;  // step pairs, the smaller index in the high half
  bool exhausted = true;
  bool safe = true;

  Explored(const Workflow& wf, SearchLimit limit) {
    const CaseRestriction every_run(wf);
    const TokenGame game(wf, every_run);
    const StateSpace space(game, affordable_states(limit, wf.transitions().size()));
    limit.spend(space.size(), wf.transitions().size());
    exhausted = space.exhausted();
    for (StateId id = 0; id < space.size(); ++id) {
      const State& s = space.state(id);
      safe = safe && !s.overflow;
      const std::vector<Move> moves = game.moves(s);
      for (std::size_t i = 0; i < moves.size(); ++i)
        for (std::size_t j = i + 1; j < moves.size(); ++j)
          if (std::ranges::find_first_of(moves[i].consumed, moves[j].consumed) == moves[i].consumed.end())
            concurrent.insert(pair_key(moves[i].step, moves[j].step));
    }
  }

  bool concurrent_pair(Index a, Index b) const { return concurrent.contains(pair_key(a, b)); }

  static std::uint64_t pair_key(Index a, Index b) {
    if (a > b) std::swap(a, b);
    return (static_cast<std::uint64_t>(a) << 32) | static_cast<std::uint64_t>(b);
  }
};

StepRelations::StepRelations(const Workflow& workflow, SearchLimit state_limit, Reduction reduction)
    : workflow_(&workflow), state_limit_(state_limit) {
  BlockReducer reducer(workflow);
  if (const auto root = reduction == Reduction::use ? reducer.reduce() : std::nullopt)
    blocks_ = std::make_unique<Blocks>(reducer.nodes(), *root, workflow.steps().size());
  else
    explored_ = std::make_unique<Explored>(workflow, state_limit);
}

StepRelations::~StepRelations() = default;
StepRelations::StepRelations(StepRelations&&) noexcept = default;
StepRelations& StepRelations::operator=(StepRelations&&) noexcept = default;

bool StepRelations::known() const { return blocks_ || (explored_->exhausted && explored_->safe); }
bool StepRelations::limit_reached() const { return explored_ && !explored_->exhausted; }
bool StepRelations::block_structured() const { return blocks_ != nullptr; }

StepRelations::Group StepRelations::group(std::span<const Index> steps) const {
  Group g;
  for (Index s : steps) g.keys_.push_back(blocks_ ? blocks_->position[s] : s);
  std::sort(g.keys_.begin(), g.keys_.end());
  return g;
}

bool StepRelations::concurrent(Index a, Index b) const {
  return blocks_ ? blocks_->concurrent(a, b) : explored_->concurrent_pair(a, b);
}

bool StepRelations::concurrent_with_any(Index step, const Group& group) const {
  if (blocks_) return blocks_->concurrent_with_any(step, group.keys_);
  return std::any_of(group.keys_.begin(), group.keys_.end(), [&](Index s) { return concurrent(step, s); });
}

namespace {

// Which of `steps` (at most 8) occur together in some run: the token game
// with a monitor that remembers which of them the run has passed. Bit
// 8 * i + j: steps i and j. Nullopt at the state limit.
std::optional<std::uint64_t> explore_together(const Workflow& wf, std::span<const Index> steps, SearchLimit limit) {
  const auto passed = [&](std::uint8_t m, Index step) {
    for (std::size_t i = 0; i < steps.size(); ++i)
      if (steps[i] == step) m |= static_cast<std::uint8_t>(1U << i);
    return m;
  };
  const CaseRestriction every_run(wf);
  const TokenGame game(wf, every_run, passed);
  const StateSpace space(game, affordable_states(limit, wf.transitions().size()));
  limit.spend(space.size(), wf.transitions().size());
  if (!space.exhausted()) return std::nullopt;
  std::uint64_t together = 0;
  for (StateId id = 0; id < space.size(); ++id) {
    const unsigned m = space.state(id).monitor;
    for (unsigned i = 0; i < 8; ++i)
      for (unsigned j = i + 1; j < 8; ++j)
        if ((m >> i & 1U) && (m >> j & 1U)) together |= std::uint64_t{1} << (8 * i + j);
  }
  return together;
}

}  // namespace

std::optional<std::vector<std::pair<Index, Index>>> StepRelations::occurring_together(
    std::span<const Index> steps) const {
  const std::size_t n = steps.size();
  std::vector<bool> together(n * n);
  if (blocks_) {
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i + 1; j < n; ++j) together[i * n + j] = blocks_->together(steps[i], steps[j]);
  }
  // The monitor holds 8 steps: every two chunks of 4 are explored together.
  constexpr std::size_t chunk = 4;
  for (std::size_t a = 0; !blocks_ && a < n; a += chunk)
    for (std::size_t b = a; b < n; b += chunk) {
      std::vector<Index> monitored(steps.begin() + a, steps.begin() + std::min(n, a + chunk));
      const std::size_t second = monitored.size();
      if (b != a) monitored.insert(monitored.end(), steps.begin() + b, steps.begin() + std::min(n, b + chunk));
      const auto bits = explore_together(*workflow_, monitored, state_limit_);
      if (!bits) return std::nullopt;
      const auto index = [&](std::size_t k) { return k < second ? a + k : b + k - second; };
      for (std::size_t i = 0; i < monitored.size(); ++i)
        for (std::size_t j = i + 1; j < monitored.size(); ++j)
          if (*bits >> (8 * i + j) & 1U) together[index(i) * n + index(j)] = true;
    }
  std::vector<std::pair<Index, Index>> out;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j)
      if (together[i * n + j]) out.emplace_back(steps[i], steps[j]);
  return out;
}

// --- facts: what is established before each step on every run ------------

namespace {

using FactId = std::uint32_t;

// A set of facts that shares its parts with the sets it was made from: a
// trie over fact ids, 16 ways per level and 64 facts per leaf, copied only
// along the path a change takes. Carrying what is established along a long
// workflow so costs a few nodes per step, not a copy of all established so
// far (which made the analysis quadratic). An empty part is always null, so
// equal sets made from one another share their unchanged parts and a meet
// or comparison stops where they do.
class FactSet {
 public:
  explicit FactSet(std::size_t facts) {
    for (std::size_t room = leaf_bits; room < facts; room *= fan_out) ++depth_;
  }

  bool contains(FactId f) const {
    const Node* n = root_.get();
    for (unsigned d = depth_; n && d > 0; --d) n = n->child[slot(f, d)].get();
    return n && (n->bits >> (f % leaf_bits) & 1) != 0;
  }
  FactSet with(FactId f) const { return changed(f, true); }
  FactSet without(FactId f) const { return changed(f, false); }

  friend FactSet intersection(const FactSet& a, const FactSet& b) {
    FactSet out = a;
    out.root_ = meet(a.root_, b.root_, a.depth_);
    return out;
  }
  friend bool operator==(const FactSet& a, const FactSet& b) { return equal(a.root_, b.root_, a.depth_); }

 private:
  static constexpr unsigned fan_out = 16, leaf_bits = 64;
  struct Node;
  using Part = std::shared_ptr<const Node>;
  struct Node {
    std::uint64_t bits = 0;                 // a leaf's facts
    std::array<Part, fan_out> child{};      // an inner node's parts
  };

  static unsigned slot(FactId f, unsigned depth) { return (f / leaf_bits) >> (4 * (depth - 1)) & (fan_out - 1); }

  FactSet changed(FactId f, bool on) const {
    FactSet out = *this;
    out.root_ = set(root_, depth_, f, on);
    return out;
  }

  static Part set(const Part& n, unsigned depth, FactId f, bool on) {
    if (depth == 0) {
      const std::uint64_t old = n ? n->bits : 0, bit = std::uint64_t{1} << (f % leaf_bits);
      const std::uint64_t now = on ? old | bit : old & ~bit;
      if (now == old) return n;
      return now ? std::make_shared<const Node>(Node{now, {}}) : nullptr;
    }
    const unsigned i = slot(f, depth);
    const Part old = n ? n->child[i] : nullptr;
    Part now = set(old, depth - 1, f, on);
    if (now == old) return n;
    Node copy = n ? *n : Node{};
    copy.child[i] = std::move(now);
    return empty(copy) ? nullptr : std::make_shared<const Node>(std::move(copy));
  }

  static bool empty(const Node& n) {
    return std::all_of(n.child.begin(), n.child.end(), [](const Part& c) { return !c; });
  }

  static Part meet(const Part& a, const Part& b, unsigned depth) {
    if (a == b || !a) return a;
    if (!b) return b;
    if (depth == 0) {
      const std::uint64_t now = a->bits & b->bits;
      if (now == a->bits) return a;
      if (now == b->bits) return b;
      return now ? std::make_shared<const Node>(Node{now, {}}) : nullptr;
    }
    Node out;
    bool as_a = true, as_b = true;
    for (unsigned i = 0; i < fan_out; ++i) {
      out.child[i] = meet(a->child[i], b->child[i], depth - 1);
      as_a = as_a && out.child[i] == a->child[i];
      as_b = as_b && out.child[i] == b->child[i];
    }
    if (as_a) return a;
    if (as_b) return b;
    return empty(out) ? nullptr : std::make_shared<const Node>(std::move(out));
  }

  static bool equal(const Part& a, const Part& b, unsigned depth) {
    if (a == b) return true;
    if (!a || !b) return false;
    if (depth == 0) return a->bits == b->bits;
    for (unsigned i = 0; i < fan_out; ++i)
      if (!equal(a->child[i], b->child[i], depth - 1)) return false;
    return true;
  }

  Part root_;
  unsigned depth_ = 0;  // inner levels above the leaves
};

// What one step establishes: an artifact checked for an aspect, or produced.
// It ends where one of `depends_on` is written.
struct Fact {
  Index step = 0;
  Index artifact = 0;
  const std::string* aspect = nullptr;  // nullptr: produced
  std::vector<Index> depends_on;        // sorted
};

std::vector<Index> sorted_unique(std::vector<Index> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

bool contains(const std::vector<Index>& sorted, Index i) { return std::binary_search(sorted.begin(), sorted.end(), i); }

// Steps reachable from the start, each before the steps it leads to except
// along loops, so that a forward analysis settles in few rounds.
std::vector<Index> reverse_postorder(const Workflow& wf) {
  struct Finish : boost::default_dfs_visitor {
    std::vector<Index>* order;
    void finish_vertex(StepGraph::vertex_descriptor v, const StepGraph&) const { order->push_back(v); }
  };
  const StepGraph graph = make_step_graph(wf);
  std::vector<Index> order;
  std::vector<boost::default_color_type> colors(wf.steps().size(), boost::white_color);
  Finish finish;
  finish.order = &order;
  boost::depth_first_visit(graph, wf.start(), finish,
                           boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, graph)));
  std::reverse(order.begin(), order.end());
  return order;
}

// The must-analysis: a fact holds before a step when it holds after every
// step leading there (a meet over all predecessors, XOR- and AND-joins
// alike, iterated to a fixpoint through loops).
class FactFlow {
 public:
  FactFlow(const Workflow& wf, const StepRelations& relations)
      : wf_(wf),
        relations_(relations),
        writers_(wf.artifacts().size()),
        facts_about_(wf.artifacts().size()),
        ended_by_(wf.artifacts().size()),
        established_by_(wf.steps().size()),
        before_(wf.steps().size()),
        after_(wf.steps().size()) {
    std::vector<std::vector<Index>> writers(wf.artifacts().size());
    for (Index s = 0; s < wf.steps().size(); ++s)
      for (Index a : sorted_unique(wf.step(s).writes)) writers[a].push_back(s);
    for (Index a = 0; a < writers.size(); ++a) writers_[a] = relations.group(writers[a]);
    for (Index s = 0; s < wf.steps().size(); ++s) establish(s);
    for (FactId f = 0; f < facts_.size(); ++f) {
      facts_about_[facts_[f].artifact].push_back(f);
      for (Index a : facts_[f].depends_on) ended_by_[a].push_back(f);
    }
    solve();
  }

  Repetitions repetitions() const {
    Repetitions out;
    for (Index s = 0; s < wf_.steps().size(); ++s) {
      if (!before_[s]) continue;  // no run reaches it
      repeated_controls(s, out.controls);
      repeated_productions(s, out.productions);
    }
    return out;
  }

 private:
  // A write that may run beside `step` may fall, in some run, just before
  // or after it.
  bool written_concurrently(Index step, std::span<const Index> artifacts) const {
    return std::any_of(artifacts.begin(), artifacts.end(),
                       [&](Index a) { return relations_.concurrent_with_any(step, writers_[a]); });
  }

  // A check holds only if the step does not also change what it checks; a
  // product only if the step does not also change what it is made from. The
  // order of reading, checking and writing inside one step is not known.
  void establish(Index s) {
    const Step& step = wf_.step(s);
    const auto reads = sorted_unique(step.reads), writes = sorted_unique(step.writes);
    for (const Control& c : step.checks)
      if (!contains(writes, c.artifact)) add_fact({s, c.artifact, &c.aspect, {c.artifact}});
    for (Index a : writes) {
      const bool input_changed = std::any_of(writes.begin(), writes.end(),
                                             [&](Index w) { return w != a && contains(reads, w); });
      auto made_from = reads;
      made_from.push_back(a);
      if (!input_changed) add_fact({s, a, nullptr, sorted_unique(std::move(made_from))});
    }
  }

  void add_fact(Fact f) {
    if (written_concurrently(f.step, f.depends_on)) return;
    established_by_[f.step].push_back(static_cast<FactId>(facts_.size()));
    facts_.push_back(std::move(f));
  }

  void solve() {
    const auto order = reverse_postorder(wf_);
    std::vector<std::uint32_t> rank(wf_.steps().size());
    for (std::uint32_t i = 0; i < order.size(); ++i) rank[order[i]] = i;
    std::priority_queue<std::uint32_t, std::vector<std::uint32_t>, std::greater<>> work;
    std::vector<bool> queued(wf_.steps().size());
    work.push(rank[wf_.start()]);
    while (!work.empty()) {
      const Index s = order[work.top()];
      work.pop();
      queued[s] = false;
      std::optional<FactSet> before = s == wf_.start() ? FactSet(facts_.size()) : meet(s);
      if (before_[s] == before) continue;
      before_[s] = std::move(before);
      std::optional<FactSet> after = transfer(s, *before_[s]);
      if (after_[s] == after) continue;
      after_[s] = std::move(after);
      for (Index t : wf_.outgoing(s)) {
        const Index next = wf_.transition(t).to;
        if (!queued[next]) work.push(rank[next]);
        queued[next] = true;
      }
    }
  }

  // Predecessors not yet reached say nothing yet (they hold every fact).
  std::optional<FactSet> meet(Index s) const {
    std::optional<FactSet> out;
    for (Index t : wf_.incoming(s))
      if (const auto& after = after_[wf_.transition(t).from]) out = out ? intersection(*out, *after) : *after;
    return out;
  }

  // What a step writes ends the facts that depend on it; then what it
  // establishes holds.
  FactSet transfer(Index s, FactSet facts) const {
    for (Index a : wf_.step(s).writes)
      for (FactId f : ended_by_[a]) facts = facts.without(f);
    for (FactId f : established_by_[s]) facts = facts.with(f);
    return facts;
  }

  // The other steps whose fact about `artifact`, matching `wanted`, holds before `s`.
  template <class Wanted>
  std::vector<Index> established_before(Index s, Index artifact, Wanted wanted) const {
    std::vector<Index> out;
    for (FactId f : facts_about_[artifact])
      if (facts_[f].step != s && wanted(facts_[f]) && before_[s]->contains(f)) out.push_back(facts_[f].step);
    return sorted_unique(std::move(out));
  }

  // A check of A for X repeats an earlier check of A for X or for "*".
  void repeated_controls(Index s, std::vector<Repetition>& out) const {
    for (const Control& c : wf_.step(s).checks) {
      if (written_concurrently(s, std::span(&c.artifact, 1))) continue;
      auto earlier = established_before(s, c.artifact, [&](const Fact& f) {
        return f.aspect && (*f.aspect == "*" || *f.aspect == c.aspect);
      });
      if (!earlier.empty()) out.push_back({s, c.artifact, c.aspect, std::move(earlier)});
    }
  }

  // Writing A without reading it repeats an earlier production of A that
  // was made from at least everything this step reads (so none of that has
  // changed since). A step that reads A refines it and repeats nothing.
  void repeated_productions(Index s, std::vector<Repetition>& out) const {
    const Step& step = wf_.step(s);
    const auto reads = sorted_unique(step.reads);
    for (Index a : sorted_unique(step.writes)) {
      if (contains(reads, a)) continue;
      auto needs = reads;
      needs.push_back(a);
      if (written_concurrently(s, needs)) continue;
      auto earlier = established_before(s, a, [&](const Fact& f) {
        return !f.aspect && std::includes(f.depends_on.begin(), f.depends_on.end(), reads.begin(), reads.end());
      });
      if (!earlier.empty()) out.push_back({s, a, "", std::move(earlier)});
    }
  }

  const Workflow& wf_;
  const StepRelations& relations_;
  std::vector<StepRelations::Group> writers_;  // by artifact
  std::vector<std::vector<FactId>> facts_about_;     // by artifact
  std::vector<std::vector<FactId>> ended_by_;        // by artifact: the facts that depend on it
  std::vector<Fact> facts_;
  std::vector<std::vector<FactId>> established_by_;  // by step
  std::vector<std::optional<FactSet>> before_, after_;  // by step; none: not reached
};

}  // namespace

Repetitions find_repetitions(const Workflow& workflow, const StepRelations& relations) {
  if (!relations.known()) return {{}, {}, false, relations.limit_reached()};
  return FactFlow(workflow, relations).repetitions();
}

const StepRelations& step_relations(CheckContext& context) {
  return context.shared<StepRelations>([&] { return StepRelations(context.workflow(), context.search_limit()); });
}

const StepRelations& step_relations(CheckContext& context, std::string_view check_id) {
  const StepRelations& relations = step_relations(context);
  if (relations.limit_reached()) context.mark_incomplete(check_id);
  return relations;
}

const Repetitions& repetitions(CheckContext& context, std::string_view check_id) {
  const StepRelations& relations = step_relations(context, check_id);
  return context.shared<Repetitions>([&] { return find_repetitions(context.workflow(), relations); });
}

}  // namespace baton
