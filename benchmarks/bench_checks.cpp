// Every check on generated block-structured workflows of growing size: the
// time per size shows whether the analyses grow near-linearly.
//   bench_checks [MAX_STEPS]   (default 1000000)
#include "generator.hpp"
#include "measure.hpp"

#include <baton/check.hpp>
#include <baton/json.hpp>
#include <baton/registry.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>

namespace {

// Time of each check alone, to see which one dominates.
std::map<std::string, double> per_check(const baton::Workflow& wf) {
  std::map<std::string, double> out;
  for (const baton::Check* c : baton::all_checks()) {
    baton::CheckOptions o;
    o.only = {std::string(c->id)};
    o.today = baton::Date::parse("2026-11-24");
    out[std::string(c->id)] = baton::bench::seconds([&] { (void)baton::run_checks(wf, o); });
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
    std::size_t findings = 0;
    const double best = baton::bench::best_seconds(n >= 1'000'000 ? 1 : 3, [&] {
      findings = baton::run_checks(*wf, options).findings.size();
    });
    const auto times = per_check(*wf);
    const auto slowest = std::max_element(times.begin(), times.end(),
                                          [](const auto& a, const auto& b) { return a.second < b.second; });
    std::printf("| %zu | %zu | %.3f | %zu | %s %.3f | %ld |\n", wf->steps().size(), wf->transitions().size(), best,
                findings, slowest->first.c_str(), slowest->second, baton::bench::peak_rss_mib());
    std::fflush(stdout);
  }
}
