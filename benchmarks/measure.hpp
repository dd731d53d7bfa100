// Timing and memory figures shared by the benchmarks.
#pragma once

#include <sys/resource.h>

#include <algorithm>
#include <chrono>

namespace baton::bench {

// Wall time of one call of `run`, in seconds.
template <class F>
double seconds(F&& run) {
  const auto start = std::chrono::steady_clock::now();
  run();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The best of `runs` calls: the figure least disturbed by other load.
template <class F>
double best_seconds(int runs, F&& run) {
  double best = seconds(run);
  for (int i = 1; i < runs; ++i) best = std::min(best, seconds(run));
  return best;
}

// The process's peak resident memory so far.
inline long peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

}  // namespace baton::bench
