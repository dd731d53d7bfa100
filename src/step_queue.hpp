// The steps a reduction still has to look at, for the block reducers of
// soundness.cpp and dataflow.cpp: each step waits at most once, and a change
// around a step puts it back.
#pragma once

#include <baton/model.hpp>

#include <optional>
#include <vector>

namespace baton {

class StepQueue {
 public:
  explicit StepQueue(std::size_t steps) : waiting_(steps) {}

  // Every step not waiting yet, the first of the file to be taken first.
  void push_all() {
    for (Index s = waiting_.size(); s-- > 0;) push(s);
  }

  void push(Index s) {
    if (!waiting_[s]) work_.push_back(s);
    waiting_[s] = true;
  }

  std::optional<Index> pop() {
    if (work_.empty()) return std::nullopt;
    const Index s = work_.back();
    work_.pop_back();
    waiting_[s] = false;
    return s;
  }

 private:
  std::vector<bool> waiting_;
  std::vector<Index> work_;
};

}  // namespace baton
