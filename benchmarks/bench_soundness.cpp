// deadlock and lack-of-synchronization on generated block-structured
// workflows of growing size: the reduction should keep the time near-linear.
//   bench_soundness [MAX_STEPS]   (default 1000000)
#include "generator.hpp"
#include "measure.hpp"

#include <baton/check.hpp>
#include <baton/json.hpp>

#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
  const std::size_t max_steps = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1'000'000;
  baton::CheckOptions options;
  options.only = {"deadlock", "lack-of-synchronization", "analysis-limit"};
  options.today = baton::Date::parse("2026-11-24");
  std::printf("| steps | transitions | deadlock + lack-of-synchronization (s) | per 1000 steps (ms) | findings |\n");
  std::printf("|---:|---:|---:|---:|---:|\n");
  for (std::size_t n = 1000; n <= max_steps; n *= 10) {
    const auto wf = baton::load_workflow(baton::bench::generate_workflow(n, 42), "generated.json");
    std::size_t findings = 0;
    const double best =
        baton::bench::best_seconds(3, [&] { findings = baton::run_checks(*wf, options).findings.size(); });
    std::printf("| %zu | %zu | %.4f | %.3f | %zu |\n", wf->steps().size(), wf->transitions().size(), best,
                best * 1e6 / static_cast<double>(wf->steps().size()), findings);
    std::fflush(stdout);
  }
}
