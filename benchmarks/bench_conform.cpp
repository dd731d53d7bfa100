// Conformance of a log on the born-unge workflow (examples/born-unge/foer.json):
// cases simulated by the token game as a reader would hand them over (each
// with a random case type, 20 % left open, timestamps a random part of each
// step's duration apart, the step's team), with noise (steps dropped,
// repeated, swapped, unknown events, another team), checked by a
// ConformanceRun with the figures over the log and, optionally, the JSON
// report written to nowhere. Cases are made one at a time while the run
// goes, so memory shows what the run holds, not the log.
// Usage: bench_conform [cases] [jobs] [noise] [json]
#include "measure.hpp"
#include "simulate.hpp"

#include <baton/conformance_report.hpp>
#include <baton/conformance_summary.hpp>
#include <baton/json.hpp>
#include <baton/log_conformance.hpp>
#include <baton/semantics.hpp>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <ostream>
#include <random>
#include <streambuf>
#include <string>
#include <vector>

using namespace baton;

namespace {

class Simulator {
 public:
  Simulator(const Workflow& wf, double noise) : wf_(wf), noise_(noise), rng_(42) {
    restrictions_.push_back(std::make_unique<CaseRestriction>(wf));
    for (const CaseType& ct : wf.case_types()) restrictions_.push_back(std::make_unique<CaseRestriction>(wf, &ct));
    for (const auto& r : restrictions_) games_.push_back(std::make_unique<TokenGame>(wf, *r));
  }

  LogCase next(std::size_t number) {
    const std::size_t r = std::uniform_int_distribution<std::size_t>(0, games_.size() - 1)(rng_);
    auto run = bench::simulate(*games_[r], rng_);
    LogCase c;
    c.id = "2026-" + std::to_string(number);
    if (r > 0) c.case_type = wf_.case_types()[r - 1].id;
    if (chance(0.2)) run.resize(std::uniform_int_distribution<std::size_t>(1, run.size())(rng_));
    std::int64_t t = 1'767'225'600'000 + std::uniform_int_distribution<std::int64_t>(0, 364)(rng_) * 86'400'000;
    for (Index s : run) {
      const Step& step = wf_.step(s);
      if (step.kind == StepKind::gateway) continue;
      const std::int64_t limit = step.duration ? step.duration->static_seconds() * 1000 : 3'600'000;
      t += std::uniform_int_distribution<std::int64_t>(0, limit + limit / 10)(rng_);
      if (chance(noise_)) continue;  // dropped
      LogEvent e;
      e.activity = chance(noise_) ? "journalnotat" : step.id;
      e.time_ms = t;
      e.team = step.team ? wf_.teams()[chance(noise_) ? 0 : *step.team].id : "";
      c.events.push_back(e);
      if (chance(noise_)) c.events.push_back(e);  // repeated
    }
    for (std::size_t i = 0; i + 1 < c.events.size(); ++i)
      if (chance(noise_)) std::swap(c.events[i].activity, c.events[i + 1].activity);
    return c;
  }

 private:
  bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }
  const Workflow& wf_;
  double noise_;
  std::mt19937 rng_;
  std::vector<std::unique_ptr<CaseRestriction>> restrictions_;
  std::vector<std::unique_ptr<TokenGame>> games_;
};

// Counts what is written and keeps none of it.
class Discard : public std::streambuf {
 public:
  std::uint64_t bytes = 0;

 protected:
  int overflow(int c) override {
    ++bytes;
    return c;
  }
  std::streamsize xsputn(const char*, std::streamsize n) override {
    bytes += static_cast<std::uint64_t>(n);
    return n;
  }
};

}  // namespace

int main(int argc, char** argv) {
  const std::size_t cases = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 100'000;
  const unsigned jobs = argc > 2 ? static_cast<unsigned>(std::strtoul(argv[2], nullptr, 10)) : 1;
  const double noise = argc > 3 ? std::strtod(argv[3], nullptr) : 0.05;
  const bool json = argc > 4 && std::string(argv[4]) == "json";
  const auto wf = load_workflow_file(std::string(BATON_SOURCE_DIR) + "/examples/born-unge/foer.json");

  // The simulation alone, to be told apart from the run.
  std::uint64_t events = 0;
  const std::clock_t simulation_start = std::clock();
  const double simulation = bench::seconds([&] {
    Simulator sim(*wf, noise);
    for (std::size_t i = 0; i < cases; ++i) events += sim.next(i).events.size();
  });
  const double simulation_cpu = static_cast<double>(std::clock() - simulation_start) / CLOCKS_PER_SEC;

  ConformOptions options;
  options.today = Date::parse("2026-12-31");
  const ConformanceModel model(*wf, options);
  RunOptions run_options;
  run_options.jobs = jobs;
  Discard discard;
  std::ostream out(&discard);
  ConformanceReport report(out, ReportFormat::json, *wf, heading_of(*wf, options, run_options));
  std::uint64_t deviations = 0;
  ConformanceSummary summary;
  const std::clock_t cpu_start = std::clock();
  const double total = bench::seconds([&] {
    Simulator sim(*wf, noise);
    ConformanceRun run(model, run_options, [&](const CaseResult& r) {
      deviations += r.deviations.size();
      if (json) report.add(r);
    });
    for (std::size_t i = 0; i < cases; ++i) run.add(sim.next(i));
    summary = run.finish();
    if (json) report.finish(summary);
  });
  const double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  // The machine is shared: CPU time is the steadier figure, wall time what
  // the threads gain.
  std::printf("cases %zu, events %llu, jobs %u, noise %.2f%s: %.3f s wall, %.3f s CPU (simulation alone %.3f s wall, "
              "%.3f s CPU); checked %.0f events/s wall, %.0f events per CPU second (simulation taken off); "
              "fitness %.4f, %llu deviations, %llu analysis-limit, %llu overdue; JSON %.1f MB; peak RSS %ld MiB\n",
              cases, static_cast<unsigned long long>(events), jobs, noise, json ? ", JSON report" : "", total, cpu,
              simulation, simulation_cpu, static_cast<double>(events) / (total - simulation),
              static_cast<double>(events) / (cpu - simulation_cpu), summary.fitness(),
              static_cast<unsigned long long>(deviations), static_cast<unsigned long long>(summary.analysis_limit),
              static_cast<unsigned long long>(summary.overdue.size()), static_cast<double>(discard.bytes) / 1e6,
              bench::peak_rss_mib());
}
