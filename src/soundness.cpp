#include <baton/soundness.hpp>

#include <baton/check.hpp>
#include <baton/semantics.hpp>

#include "step_queue.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <utility>

namespace baton {
namespace {

constexpr std::int64_t no_piece = -1;

// A run through a reduced part, kept as a tree so that joining two parts
// costs the same however long they are: `before`, then `step`, then `after`.
struct RunPiece {
  std::int64_t before = no_piece;
  std::optional<Index> step;
  std::int64_t after = no_piece;
};

// A transition of the reduced workflow: one of the workflow's, or a part
// between two steps that one token passes through as a whole.
struct Passage {
  Index from = 0, to = 0;
  std::optional<Index> original;  // the workflow's transition; none for a part
  std::int64_t run = no_piece;    // one complete run through the part
  std::uint64_t length = 0;       // steps in that run
  bool live = true;
};

using PassageId = std::uint32_t;

// Reduces block-structured parts to passages. Every rule keeps how one token
// moves through the part, so the reduced token game is the workflow's as
// long as no passage that is a part holds two tokens. Frozen steps are kept
// as they are, with the transitions between them.
class Reducer {
 public:
  Reducer(const Workflow& wf, std::vector<bool> frozen)
      : wf_(wf),
        frozen_(std::move(frozen)),
        in_(wf.steps().size()),
        out_(wf.steps().size()),
        queue_(in_.size()),
        absorbed_into_(in_.size(), none) {
    for (Index t = 0; t < wf.transitions().size(); ++t) add({wf.transition(t).from, wf.transition(t).to, t});
  }

  void reduce() {
    queue_.push_all();
    while (const auto s = queue_.pop())
      (void)(shorten_sequence(*s) || drop_rework_loop(*s) || drop_rework_loop_after(*s) || drop_self_loop(*s));
  }

  const std::vector<Passage>& passages() const { return passages_; }

  // `frozen` plus the steps inside the given parts and at their ends: the
  // steps to keep when those parts may hold two tokens.
  std::vector<bool> frozen_around(const std::vector<PassageId>& parts) const {
    std::vector<bool> frozen = frozen_;
    std::vector<bool> doubled(passages_.size());
    for (PassageId p : parts) {
      doubled[p] = true;
      frozen[passages_[p].from] = frozen[passages_[p].to] = true;
    }
    for (Index s = 0; s < frozen.size(); ++s)
      if (absorbed_into_[s] != none && doubled[holder(absorbed_into_[s])]) frozen[s] = true;
    return frozen;
  }

  // The live passage that now holds passage `p`, such as a transition of the
  // workflow (passage t is transition t).
  PassageId holder(PassageId p) const {
    PassageId r = p;
    while (merged_into_[r] != r) r = merged_into_[r];
    while (merged_into_[p] != r) p = std::exchange(merged_into_[p], r);  // shorter the next time
    return r;
  }

  // Appends the steps of a part's run to `run`.
  void expand(std::int64_t piece, std::vector<Index>& run) const {
    // An explicit stack: parts nest as deep as the workflow is long.
    std::vector<std::pair<std::int64_t, std::optional<Index>>> todo{{piece, std::nullopt}};
    while (!todo.empty()) {
      const auto [p, step] = todo.back();
      todo.pop_back();
      if (step) run.push_back(*step);
      if (p == no_piece) continue;
      const RunPiece& r = pieces_[p];
      todo.push_back({r.after, std::nullopt});
      if (r.step) todo.push_back({no_piece, r.step});
      todo.push_back({r.before, std::nullopt});
    }
  }

 private:
  static constexpr PassageId none = ~PassageId{0};

  // One way in, one way out: the way through the step is one passage.
  bool shorten_sequence(Index x) {
    if (frozen_[x] || in_[x].size() != 1 || out_[x].size() != 1 || in_[x][0] == out_[x][0]) return false;
    const PassageId a = in_[x][0], b = out_[x][0];
    const Passage in = passages_[a], out = passages_[b];
    const PassageId joined =
        connect({in.from, out.to, std::nullopt, piece({in.run, x, out.run}), in.length + 1 + out.length});
    absorbed_into_[x] = joined;
    remove(a, joined);
    remove(b, joined);
    return true;
  }

  // u -> (body) -> d with d able to send the case back to u: while one token
  // is inside, the loop is the body taken one or more times, one passage.
  bool drop_rework_loop(Index d) {
    if (in_[d].size() != 1 || wf_.step(d).split != Gate::exclusive) return false;
    const PassageId body = in_[d][0];
    const Index u = passages_[body].from;
    if (u == d || frozen_[u] || frozen_[d] || out_[u].size() != 1 || in_[u].size() < 2 ||
        wf_.step(u).join != Gate::exclusive)
      return false;
    const auto back = std::find_if(out_[d].begin(), out_[d].end(), [&](PassageId p) { return passages_[p].to == u; });
    if (back == out_[d].end() || out_[d].size() < 2) return false;
    remove(*back, body);
    passages_[body].original.reset();
    return true;
  }

  // The rule above seen from the loop's entry step u.
  bool drop_rework_loop_after(Index u) { return out_[u].size() == 1 && drop_rework_loop(passages_[out_[u][0]].to); }

  // A step that may repeat itself, with one other way in: the repetitions
  // belong to the passage into it.
  bool drop_self_loop(Index u) {
    const Step& s = wf_.step(u);
    if (frozen_[u] || s.join != Gate::exclusive || s.split != Gate::exclusive || in_[u].size() != 2 ||
        out_[u].size() < 2)
      return false;
    const bool first_loops = passages_[in_[u][0]].from == u;
    const PassageId loop = in_[u][first_loops ? 0 : 1], way_in = in_[u][first_loops ? 1 : 0];
    if (passages_[loop].from != u || passages_[way_in].from == u) return false;
    remove(loop, way_in);
    passages_[way_in].original.reset();
    return true;
  }

  // Adds a passage, merging it with one between the same steps where both
  // are alternatives (XOR split, XOR join) or both are taken (AND, AND).
  // Returns the passage that holds it.
  PassageId connect(Passage p) {
    queue_.push(p.from);
    queue_.push(p.to);
    const Gate split = wf_.step(p.from).split;
    const auto twin =
        std::find_if(out_[p.from].begin(), out_[p.from].end(), [&](PassageId q) { return passages_[q].to == p.to; });
    if (twin == out_[p.from].end() || split != wf_.step(p.to).join || frozen_[p.from] || frozen_[p.to]) return add(p);
    Passage& q = passages_[*twin];
    q.original.reset();
    if (split == Gate::parallel) {
      q.run = piece({q.run, std::nullopt, p.run});
      q.length += p.length;
    } else if (p.length < q.length) {
      q.run = p.run;
      q.length = p.length;
    }
    return *twin;
  }

  PassageId add(const Passage& p) {
    const auto id = static_cast<PassageId>(passages_.size());
    passages_.push_back(p);
    merged_into_.push_back(id);
    out_[p.from].push_back(id);
    in_[p.to].push_back(id);
    return id;
  }

  // Removes a passage whose part now belongs to `into`.
  void remove(PassageId id, PassageId into) {
    merged_into_[id] = into;
    Passage& p = passages_[id];
    p.live = false;
    std::erase(out_[p.from], id);
    std::erase(in_[p.to], id);
    queue_.push(p.from);
    queue_.push(p.to);
  }

  std::int64_t piece(RunPiece r) {
    pieces_.push_back(r);
    return static_cast<std::int64_t>(pieces_.size()) - 1;
  }

  const Workflow& wf_;
  std::vector<bool> frozen_;
  std::vector<Passage> passages_;
  mutable std::vector<PassageId> merged_into_;  // itself while live
  std::vector<RunPiece> pieces_;
  std::vector<std::vector<PassageId>> in_, out_;
  StepQueue queue_;
  std::vector<PassageId> absorbed_into_;  // the passage a step became part of
};

// The reduced workflow as a Workflow for the token game: the start step and
// the steps a live passage touches, with their kind, join and split.
struct Explored {
  std::shared_ptr<const Workflow> workflow;
  std::vector<Index> step;     // explored step -> workflow step
  std::vector<Index> passage;  // explored transition -> passage
};

Explored explored_workflow(const Workflow& wf, const std::vector<Passage>& passages) {
  Explored out;
  WorkflowParts parts;
  std::vector<std::optional<Index>> kept(wf.steps().size());
  auto keep = [&](Index s) {
    if (kept[s]) return *kept[s];
    kept[s] = out.step.size();
    out.step.push_back(s);
    const Step& original = wf.step(s);
    Step& copy = parts.steps.emplace_back();
    copy.id = original.id;
    copy.name = original.name;
    copy.kind = original.kind;
    copy.join = original.join;
    copy.split = original.split;
    return *kept[s];
  };
  keep(wf.start());
  for (Index p = 0; p < passages.size(); ++p) {
    if (!passages[p].live) continue;
    Transition& t = parts.transitions.emplace_back();
    t.from = keep(passages[p].from);
    t.to = keep(passages[p].to);
    out.passage.push_back(p);
  }
  out.workflow = Workflow::make(std::move(parts));
  return out;
}

template <class F>
void for_each_marked(const State& s, F f) {
  for (std::size_t w = 0; w < s.marking.size(); ++w)
    for (std::uint64_t bits = s.marking[w]; bits != 0; bits &= bits - 1)
      f(w * 64 + static_cast<Index>(__builtin_ctzll(bits)));
}

// Transitions a move takes while they still hold a token.
std::vector<Index> doubled_by(const State& s, const Move& m) {
  std::vector<Index> out;
  for (Index t : m.produced)
    if (s.marked(t) && std::find(m.consumed.begin(), m.consumed.end(), t) == m.consumed.end()) out.push_back(t);
  return out;
}

// Explores the reduced workflow breadth-first, so the first witness found
// for a problem is a shortest run in it.
class Exploration {
 public:
  Exploration(const Workflow& wf, const Reducer& reducer, SearchLimit limit)
      : wf_(wf),
        reducer_(reducer),
        explored_(explored_workflow(wf, reducer.passages())),
        every_run_(*explored_.workflow),
        game_(*explored_.workflow, every_run_),
        space_(game_, affordable_states(limit, explored_.workflow->transitions().size())) {
    limit.spend(space_.size(), explored_.workflow->transitions().size());
    for (StateId id = 0; id < space_.size(); ++id) look_at(id);
  }

  // Parts that could take a second token: the reduced game says nothing
  // exact about what follows, so the result is only good when there are none.
  const std::vector<PassageId>& doubled_parts() const { return doubled_parts_; }

  SoundnessResult result() const {
    SoundnessResult out;
    for (const auto& [step, at] : deadlocks_)
      out.deadlocks.push_back({step, missing(step, at.state), run_to(at.state)});
    for (const auto& [transition, at] : doubled_) out.doubled.push_back({transition, run_to(at.state, &at.last)});
    out.exhausted = space_.exhausted();
    out.reduced = explored_.passage.size() < reducer_.passages().size();
    return out;
  }

 private:
  struct Place {  // a state, and the move taken from it, where a problem shows
    StateId state;
    Move last;
  };

  void look_at(StateId id) {
    const State& s = space_.state(id);
    const auto moves = game_.moves(s);
    if (moves.empty() && game_.deadlocked(s))
      for_each_marked(s, [&](Index t) {
        deadlocks_.try_emplace(explored_.step[explored_.workflow->transition(t).to], Place{id, {}});
      });
    for (const Move& m : moves)
      for (Index t : doubled_by(s, m)) {
        const PassageId p = static_cast<PassageId>(explored_.passage[t]);
        if (const auto original = reducer_.passages()[p].original)
          doubled_.try_emplace(*original, Place{id, m});
        else
          doubled_parts_.push_back(p);
      }
  }

  // The transitions into `join` without a token in state `id`.
  std::vector<Index> missing(Index join, StateId id) const {
    std::vector<Index> out;
    for (Index t : wf_.incoming(join)) {
      const auto held = std::find(explored_.passage.begin(), explored_.passage.end(), reducer_.holder(t));
      if (!space_.state(id).marked(static_cast<Index>(held - explored_.passage.begin()))) out.push_back(t);
    }
    return out;
  }

  // The workflow's steps on a shortest run to `id`, then `last`'s step if
  // given. Each part a step enters is passed through right away, which is a
  // valid order: nothing outside a part waits on its inside.
  std::vector<Index> run_to(StateId id, const Move* last = nullptr) const {
    std::vector<Index> run;
    const auto path = space_.path_to(id);
    for (std::size_t k = 1; k < path.size(); ++k) {
      const State& before = space_.state(path[k - 1]);
      for (const Move& m : game_.moves(before))
        if (game_.apply(before, m) == space_.state(path[k])) {
          run.push_back(explored_.step[m.step]);
          for (Index t : m.produced) reducer_.expand(reducer_.passages()[explored_.passage[t]].run, run);
          break;
        }
    }
    if (last) run.push_back(explored_.step[last->step]);
    return run;
  }

  const Workflow& wf_;
  const Reducer& reducer_;
  Explored explored_;
  CaseRestriction every_run_;
  TokenGame game_;
  StateSpace space_;
  std::map<Index, Place> deadlocks_, doubled_;  // by workflow step / transition
  std::vector<PassageId> doubled_parts_;
};

}  // namespace

SoundnessResult analyse_soundness(const Workflow& workflow, SearchLimit state_limit, Reduction reduction) {
  std::vector<bool> frozen(workflow.steps().size(), reduction == Reduction::skip);
  // The steps of parts found to take a second token are kept as they are
  // from then on. Each round keeps more steps, so this ends at the latest
  // when nothing is reduced.
  for (;;) {
    Reducer reducer(workflow, std::move(frozen));
    reducer.reduce();
    const Exploration exploration(workflow, reducer, state_limit);
    if (exploration.doubled_parts().empty()) return exploration.result();
    frozen = reducer.frozen_around(exploration.doubled_parts());
  }
}

const SoundnessResult& soundness(CheckContext& context, std::string_view check_id) {
  const auto& result =
      context.shared<SoundnessResult>([&] { return analyse_soundness(context.workflow(), context.search_limit()); });
  if (!result.exhausted) context.mark_incomplete(check_id);
  return result;
}

}  // namespace baton
