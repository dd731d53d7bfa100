// Every check on generated block-structured workflows of growing size: the
// time per size shows whether the analyses grow near-linearly.
//   bench_checks [MAX_STEPS]   (default 1000000)
#include "generator.hpp"

#include <baton/check.hpp>
#include <baton/json.hpp>
#include <baton/registry.hpp>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

long peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

// Time of each check alone, to see which one dominates.
std::map<std::string, double> per_check(const baton::Workflow& wf) {
  std::map<std::string, double> out;
  for (const baton::Check* c : baton::all_checks()) {
    baton::CheckOptions o;
    o.only = {std::string(c->id)};
    o.today = baton::Date::parse("2026-11-24");
    const auto start = std::chrono::steady_clock::now();
    (void)baton::run_checks(wf, o);
    out[std::string(c->id)] = seconds_since(start);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t max_steps = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1'000'000;
  std::printf("| steps | transitions | all checks (s) | findings | slowest check (s) | peak RSS (MiB) |\n");
  std::printf("|---:|---:|---:|---:|---|---:|\n");
  for (std::size_t n = 1000; n <= max_steps; n *= 10) {
    const auto wf = baton::load_workflow(baton::bench::generate_workflow(n, 42), "generated.json");
    baton::CheckOptions options;
    options.today = baton::Date::parse("2026-11-24");
    double best = 1e9;
    std::size_t findings = 0;
    for (int run = 0; run < (n >= 1'000'000 ? 1 : 3); ++run) {
      const auto start = std::chrono::steady_clock::now();
      findings = baton::run_checks(*wf, options).findings.size();
      best = std::min(best, seconds_since(start));
    }
    const auto times = per_check(*wf);
    const auto slowest = std::max_element(times.begin(), times.end(),
                                          [](const auto& a, const auto& b) { return a.second < b.second; });
    std::printf("| %zu | %zu | %.3f | %zu | %s %.3f | %ld |\n", wf->steps().size(), wf->transitions().size(), best,
                findings, slowest->first.c_str(), slowest->second, peak_rss_mib());
    std::fflush(stdout);
  }
}
