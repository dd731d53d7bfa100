// Bounded work (issue 12): every command on adversarial workflows under
// 64 KB (adversarial.hpp) must finish in under 10 s and 1 GiB with default
// options. Each workflow runs in a child process, so its peak memory is its
// own. Prints one table row per workflow; exits 1 when a bound is broken.
//   bench_adversarial [STATE_LIMIT]
#include "adversarial.hpp"
#include "measure.hpp"

#include <baton/check.hpp>
#include <baton/json.hpp>
#include <baton/output.hpp>
#include <baton/walk.hpp>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace baton;

namespace {

constexpr double time_bound = 10.0;
constexpr long memory_bound_mib = 1024;

// validate, check, walk (every case type, both formats), and writing back.
void every_command(const bench::AdversarialWorkflow& a, std::uint64_t state_limit) {
  double load = 0, check = 0, walks = 0, write = 0;
  std::shared_ptr<const Workflow> wf;
  load = bench::seconds([&] { wf = load_workflow(a.json, a.name); });
  Report report;
  CheckOptions options;
  options.state_limit = state_limit;
  check = bench::seconds([&] { report = run_checks(*wf, options); });
  walks = bench::seconds([&] {
    for (const WalkFormat f : {WalkFormat::markdown, WalkFormat::json}) {
      walk(*wf, nullptr, f);
      for (const CaseType& ct : wf->case_types()) walk(*wf, &ct, f);
    }
  });
  write = bench::seconds([&] { report_to_json(report) + to_json(*wf); });
  const bool limited = std::any_of(report.findings.begin(), report.findings.end(),
                                   [](const Finding& f) { return f.rule == "analysis-limit"; });
  std::printf("| %s | %zu | %zu | %zu | %.3f | %.3f | %.3f | %.3f | %zu | %s |", a.name.c_str(), a.json.size(),
              wf->steps().size(), wf->requirements().size(), load, check, walks, write, report.findings.size(),
              limited ? "yes" : "no");
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  const std::uint64_t state_limit = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 0;
  std::printf("| workflow | bytes | steps | requirements | load (s) | check (s) | walks (s) | write (s) | findings "
              "| analysis-limit | total (s) | peak RSS (MiB) |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|\n");
  int broken = 0;
  for (const auto& a : bench::adversarial_workflows()) {
    double total = 0;
    rusage usage{};
    int status = 0;
    total = bench::seconds([&] {
      std::fflush(stdout);
      const pid_t child = fork();
      if (child == 0) {
        every_command(a, state_limit);
        std::_Exit(0);
      }
      wait4(child, &status, 0, &usage);
    });
    const long rss = usage.ru_maxrss / 1024;
    const bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0 && total < time_bound && rss < memory_bound_mib &&
                    a.json.size() < 64 * 1024;
    std::printf(" %.2f | %ld |%s\n", total, rss, ok ? "" : " BROKEN");
    broken += !ok;
  }
  return broken == 0 ? 0 : 1;
}
