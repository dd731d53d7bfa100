// The exhaustive oracle: a deliberately naive token game, written apart from
// src/semantics.cpp, that enumerates every firing sequence of a small
// workflow up to a length. Markings count tokens (no safety assumption), so
// a transition taken twice shows as a count of 2. Property tests compare the
// fast analyses against what it sees.
#pragma once

#include <baton/model.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace baton::test {

// A firing sequence and what state it ends in.
struct OracleRun {
  std::vector<Index> steps;        // in firing order
  bool complete = false;           // an end step ran last and no token is left
  bool deadlocked = false;         // nothing can run, not complete
  std::optional<Index> doubled;    // a transition holding two tokens, if any
  bool truncated = false;          // the length bound stopped it
};

class Oracle {
 public:
  explicit Oracle(const Workflow& wf, const CaseType* case_type = nullptr);

  // Calls `visit` for every maximal firing sequence of at most `max_length`
  // steps (sequences stop at a doubled transition, a deadlock, completion, or
  // the bound). Returns false when `max_runs` runs were visited before the
  // enumeration ended.
  bool for_each_run(int max_length, const std::function<void(const OracleRun&)>& visit,
                    long max_runs = 2'000'000) const;

  // Whether `run` (step ids) is a firing sequence from the initial state; with
  // `complete`, one that ends complete.
  bool replays(const std::vector<std::string>& run, bool complete = false) const;

 private:
  std::vector<std::vector<int>> successors_of(const std::vector<int>& tokens, bool fresh,
                                              std::vector<Index>& fired) const;
  bool allowed(Index step, Index transition) const;
  bool replay_from(const std::vector<int>& tokens, bool fresh, const std::vector<std::string>& run, std::size_t pos,
                   bool complete) const;

  const Workflow& wf_;
  const CaseType* case_type_;
};

}  // namespace baton::test
