// Deadlocks and lack of synchronization (shared/spec/checks.md, Structure),
// decided once for the checks `deadlock` and `lack-of-synchronization`.
//
// Exact. Block-structured parts are first reduced to single transitions by
// rules that keep how one token passes through them (a sequence, an XOR or
// AND block, a rework loop); what is left is explored state by state
// (semantics.hpp). Such a part behaves like one transition only while it
// holds one token; when a second could enter it, its steps are put back as
// they are and the exploration is repeated.
// Witnesses are runs of the original workflow: each reduced part a run takes
// is replaced by one complete run through that part.
#pragma once

#include <baton/model.hpp>
#include <baton/semantics.hpp>

#include <cstdint>
#include <string_view>
#include <vector>

namespace baton {

// An AND-join where tokens wait in vain: in a reachable state nothing can
// run, the case is not complete, and some transition into `step` holds a token.
struct Deadlock {
  Index step = 0;
  std::vector<Index> missing;  // transitions into `step` that hold no token there
  std::vector<Index> run;      // steps in firing order, leading to that state
};

// A transition that is taken a second time before its first token was
// consumed: the step it leads to would run twice for one case.
struct DoubledTransition {
  Index transition = 0;
  std::vector<Index> run;  // the last step takes the transition the second time
};

struct SoundnessResult {
  std::vector<Deadlock> deadlocks;         // one per AND-join, by step index
  std::vector<DoubledTransition> doubled;  // one per transition, by index
  bool exhausted = true;                   // false: stopped at the state limit
  bool reduced = false;                    // parts were reduced before exploring
};

class CheckContext;

enum class Reduction { use, skip };

// Explores at most `state_limit` states. `Reduction::skip` explores the
// workflow as it is (for comparison in tests).
SoundnessResult analyse_soundness(const Workflow& workflow, SearchLimit state_limit,
                                  Reduction reduction = Reduction::use);

// The analysis of the context's workflow within its state limit, made once
// and shared by the checks that read it; when it stopped at the limit, the
// check `check_id` is marked incomplete.
const SoundnessResult& soundness(CheckContext& context, std::string_view check_id);

}  // namespace baton
