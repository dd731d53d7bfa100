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
#include <string>
#include <utility>
#include <vector>

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
  std::printf("| steps | transitions | all checks (s) | findings | slowest checks alone (s) | peak RSS (MiB) |\n");
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
    std::vector<std::pair<double, std::string>> by_time;
    for (const auto& [id, t] : times) by_time.emplace_back(t, id);
    std::sort(by_time.rbegin(), by_time.rend());
    std::string slowest;
    for (std::size_t i = 0; i < 3 && i < by_time.size(); ++i) {
      char figure[32];
      std::snprintf(figure, sizeof figure, " %.3f", by_time[i].first);
      slowest += (i ? ", " : "") + by_time[i].second + figure;
    }
    std::printf("| %zu | %zu | %.3f | %zu | %s | %ld |\n", wf->steps().size(), wf->transitions().size(), best,
                findings, slowest.c_str(), baton::bench::peak_rss_mib());
    std::fflush(stdout);
  }
}
