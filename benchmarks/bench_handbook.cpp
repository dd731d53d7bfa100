// baton doc on generated workflows of growing size: the seconds to build
// every page of the handbook (diagrams laid out by Graphviz included) and the
// number of pages, best of a few runs.
//   bench_handbook [MAX_STEPS]   (default 10000)
#include "generator.hpp"
#include "measure.hpp"

#include <baton/handbook.hpp>
#include <baton/json.hpp>

#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
  const std::size_t max_steps = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 10'000;
  std::printf("| steps | pages | MB written | best doc (s) | peak RSS (MiB) |\n");
  std::printf("|---:|---:|---:|---:|---:|\n");
  for (std::size_t n = 100; n <= max_steps; n *= 10) {
    const auto wf = baton::load_workflow(baton::bench::generate_workflow(n, 42), "generated.json");
    baton::HandbookOptions options;
    options.checks.today = baton::Date::parse("2026-12-01");
    std::size_t pages = 0, bytes = 0;
    const double best = baton::bench::best_seconds(n >= 10'000 ? 1 : 3, [&] {
      const auto all = baton::handbook_pages(*wf, options);
      pages = all.size();
      bytes = 0;
      for (const auto& p : all) bytes += p.text.size();
    });
    std::printf("| %zu | %zu | %.1f | %.2f | %ld |\n", wf->steps().size(), pages, static_cast<double>(bytes) / 1e6, best,
                baton::bench::peak_rss_mib());
    std::fflush(stdout);
  }
}
