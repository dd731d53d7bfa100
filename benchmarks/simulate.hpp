// Complete runs of a workflow's token game, drawn at random: the cases the
// alignment and conformance benchmarks check.
#pragma once

#include <baton/semantics.hpp>

#include <random>
#include <vector>

namespace baton::bench {

// A complete run of the token game (retried until one completes).
inline std::vector<Index> simulate(const TokenGame& game, std::mt19937& rng) {
  for (;;) {
    std::vector<Index> run;
    State s = game.initial();
    while (run.size() < 200) {
      auto moves = game.moves(s);
      if (moves.empty()) break;
      const Move& m = moves[std::uniform_int_distribution<std::size_t>(0, moves.size() - 1)(rng)];
      s = game.apply(s, m);
      run.push_back(m.step);
    }
    if (s.phase == State::Phase::complete) return run;
  }
}

}  // namespace baton::bench
