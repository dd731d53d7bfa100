#include "oracle.hpp"

#include <algorithm>

namespace baton::test {

Oracle::Oracle(const Workflow& wf, const CaseType* case_type) : wf_(wf), case_type_(case_type) {}

bool Oracle::allowed(Index step, Index transition) const {
  if (!case_type_ || wf_.step(step).split == Gate::parallel) return true;
  for (const Choice& c : case_type_->choices)
    if (c.step == step) return c.transition == transition;
  return true;
}

// Every successor marking with the step that fired to reach it.
std::vector<std::vector<int>> Oracle::successors_of(const std::vector<int>& tokens, bool fresh,
                                                    std::vector<Index>& fired) const {
  std::vector<std::vector<int>> out;
  auto produce = [&](Index step, const std::vector<int>& after_consume) {
    const Step& s = wf_.step(step);
    auto outs = wf_.outgoing(step);
    if (s.split == Gate::parallel || outs.empty()) {
      std::vector<int> next = after_consume;
      for (Index t : outs) ++next[t];
      out.push_back(next);
      fired.push_back(step);
      return;
    }
    for (Index t : outs) {
      if (!allowed(step, t)) continue;
      std::vector<int> next = after_consume;
      ++next[t];
      out.push_back(next);
      fired.push_back(step);
    }
  };
  if (fresh) {
    produce(wf_.start(), tokens);
    return out;
  }
  for (Index step = 0; step < wf_.steps().size(); ++step) {
    auto ins = wf_.incoming(step);
    if (ins.empty()) continue;
    if (wf_.step(step).join == Gate::parallel) {
      if (std::all_of(ins.begin(), ins.end(), [&](Index t) { return tokens[t] > 0; })) {
        std::vector<int> next = tokens;
        for (Index t : ins) --next[t];
        produce(step, next);
      }
    } else {
      for (Index t : ins) {
        if (tokens[t] == 0) continue;
        std::vector<int> next = tokens;
        --next[t];
        produce(step, next);
      }
    }
  }
  return out;
}

bool Oracle::for_each_run(int max_length, const std::function<void(const OracleRun&)>& visit, long max_runs) const {
  long runs = 0;
  OracleRun run;
  std::function<bool(const std::vector<int>&, bool)> go = [&](const std::vector<int>& tokens, bool fresh) {
    if (runs >= max_runs) return false;
    const bool empty = std::all_of(tokens.begin(), tokens.end(), [](int n) { return n == 0; });
    std::vector<Index> fired;
    auto next = fresh || !empty ? successors_of(tokens, fresh, fired) : std::vector<std::vector<int>>{};
    const auto doubled = std::find_if(tokens.begin(), tokens.end(), [](int n) { return n > 1; });
    const bool at_bound = static_cast<int>(run.steps.size()) >= max_length;
    if (next.empty() || doubled != tokens.end() || at_bound) {
      run.complete = !fresh && empty && wf_.step(run.steps.back()).kind == StepKind::end;
      run.deadlocked = next.empty() && !run.complete && doubled == tokens.end();
      run.doubled = doubled == tokens.end() ? std::nullopt
                                            : std::optional<Index>(static_cast<Index>(doubled - tokens.begin()));
      run.truncated = at_bound && !next.empty() && doubled == tokens.end();
      ++runs;
      visit(run);
      return runs < max_runs;
    }
    for (std::size_t k = 0; k < next.size(); ++k) {
      run.steps.push_back(fired[k]);
      const bool more = go(next[k], false);
      run.steps.pop_back();
      if (!more) return false;
    }
    return true;
  };
  return go(std::vector<int>(wf_.transitions().size(), 0), true);
}

bool Oracle::replay_from(const std::vector<int>& tokens, bool fresh, const std::vector<std::string>& run,
                         std::size_t pos, bool complete) const {
  if (pos == run.size()) {
    if (!complete) return true;
    return !fresh && std::all_of(tokens.begin(), tokens.end(), [](int n) { return n == 0; }) &&
           wf_.step(*wf_.find_step(run.back())).kind == StepKind::end;
  }
  auto step = wf_.find_step(run[pos]);
  if (!step) return false;
  std::vector<Index> fired;
  auto next = successors_of(tokens, fresh, fired);
  // The run names only the step; several successors may come from it
  // (different tokens or branches), so any that lets the rest replay will do.
  for (std::size_t k = 0; k < next.size(); ++k)
    if (fired[k] == *step && replay_from(next[k], false, run, pos + 1, complete)) return true;
  return false;
}

bool Oracle::replays(const std::vector<std::string>& run, bool complete) const {
  return replay_from(std::vector<int>(wf_.transitions().size(), 0), true, run, 0, complete);
}

}  // namespace baton::test
