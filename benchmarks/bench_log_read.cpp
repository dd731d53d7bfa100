// Event-log reading throughput (issue 9: XES at >= 200 MB/s): simulated
// born-unge logs of growing size are written as XES, XES gzip and CSV, then
// read case by case with the cases dropped, in MB of file per second and
// events per second (best of three), and the process's peak memory, which
// must not grow with the number of cases for XES (cases are streamed).
//   bench_log_read [MAX_CASES] [DIR]   (default 100000, the temp folder)
#include "measure.hpp"

#include <baton/event_log.hpp>
#include <baton/json.hpp>
#include <baton/simulate.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

int main(int argc, char** argv) {
  const std::uint64_t max_cases = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 100'000;
  const std::filesystem::path dir = argc > 2 ? argv[2] : std::filesystem::temp_directory_path() / "baton-bench-logs";
  std::filesystem::create_directories(dir);
  const auto wf = baton::load_workflow_file(std::string(BATON_SOURCE_DIR) + "/examples/born-unge/foer.json");
  std::printf("| cases | format | file (MB) | events | best read (s) | MB/s | events/s | peak RSS (MiB) |\n");
  std::printf("|---:|---|---:|---:|---:|---:|---:|---:|\n");
  for (std::uint64_t n = 10'000; n <= max_cases; n *= 10) {
    baton::SimulateOptions options;
    options.cases = n;
    options.noise = baton::parse_noise(*wf, "0.01");
    for (const char* name : {"log.xes", "log.xes.gz", "log.csv"}) {
      const auto path = dir / name;
      baton::simulate_to_files(*wf, options, path, baton::truth_path_for(path));
      const double mb = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
      std::uint64_t events = 0;
      const double best = baton::bench::best_seconds(3, [&] {
        events = baton::read_log_file(path, {}, [](baton::LogCase&&) {}).events;
      });
      std::printf("| %llu | %s | %.1f | %llu | %.3f | %.0f | %.2fM | %ld |\n", static_cast<unsigned long long>(n),
                  name + 4, mb, static_cast<unsigned long long>(events), best, mb / best,
                  static_cast<double>(events) / best / 1e6, baton::bench::peak_rss_mib());
      std::fflush(stdout);
      std::filesystem::remove(path);
    }
  }
  std::filesystem::remove_all(dir);
}
