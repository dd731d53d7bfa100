// Load + validate throughput of the format v1 loader on generated workflows
// of growing size, in MB of JSON per second (best of several runs), and the
// process's peak memory.
//   bench_load [MAX_STEPS]   (default 1000000)
#include "generator.hpp"
#include "measure.hpp"

#include <baton/json.hpp>

#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
  const std::size_t max_steps = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1'000'000;
  std::printf("| steps | transitions | JSON (MB) | best load (s) | MB/s | peak RSS (MiB) |\n");
  std::printf("|---:|---:|---:|---:|---:|---:|\n");
  for (std::size_t n = 1000; n <= max_steps; n *= 10) {
    const std::string json = baton::bench::generate_workflow(n, 42);
    const double mb = static_cast<double>(json.size()) / 1e6;
    // Small sizes run often enough to take the noise out; 1M steps a few times.
    const int runs = n >= 1'000'000 ? 3 : n >= 100'000 ? 5 : 20;
    std::size_t steps = 0, transitions = 0;
    const double best = baton::bench::best_seconds(runs, [&] {
      const auto wf = baton::load_workflow(json, "generated.json");
      steps = wf->steps().size();
      transitions = wf->transitions().size();
    });
    std::printf("| %zu | %zu | %.1f | %.4f | %.0f | %ld |\n", steps, transitions, mb, best, mb / best,
                baton::bench::peak_rss_mib());
    std::fflush(stdout);
  }
}
