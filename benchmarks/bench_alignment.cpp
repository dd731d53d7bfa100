// Alignments on the born-unge workflow (examples/born-unge/foer.json): cases
// simulated by the token game, each with a random case type (or none), then
// noise injected (steps dropped, repeated, swapped, unknown events), aligned
// one after another on one thread. Usage: bench_alignment [cases] [noise]
// (noise: the chance per event of each kind of fault, default 0.05).
#include "measure.hpp"
#include "simulate.hpp"

#include <baton/alignment.hpp>
#include <baton/json.hpp>
#include <baton/semantics.hpp>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

using namespace baton;

namespace {

struct Case {
  std::size_t restriction;  // 0: every run, k: case type k - 1
  std::vector<TraceEvent> events;
  bool open;
};

std::vector<TraceEvent> with_noise(const Workflow& wf, const std::vector<Index>& run, double noise, std::mt19937& rng) {
  auto chance = [&](double p) { return std::bernoulli_distribution(p)(rng); };
  std::vector<TraceEvent> out;
  for (Index s : run) {
    if (wf.step(s).kind == StepKind::gateway || chance(noise)) continue;  // dropped
    if (chance(noise)) out.push_back({});                                 // an unknown activity
    out.push_back({s});
    if (chance(noise)) out.push_back({s});  // repeated
  }
  for (std::size_t i = 0; i + 1 < out.size(); ++i)
    if (chance(noise)) std::swap(out[i], out[i + 1]);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t cases = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 100'000;
  const double noise = argc > 2 ? std::strtod(argv[2], nullptr) : 0.05;
  const auto wf = load_workflow_file(std::string(BATON_SOURCE_DIR) + "/examples/born-unge/foer.json");

  std::vector<std::unique_ptr<CaseRestriction>> restrictions;
  restrictions.push_back(std::make_unique<CaseRestriction>(*wf));
  for (const CaseType& ct : wf->case_types()) restrictions.push_back(std::make_unique<CaseRestriction>(*wf, &ct));
  std::vector<std::unique_ptr<AlignmentNet>> nets;
  std::vector<std::unique_ptr<Aligner>> aligners;
  const double build = bench::seconds([&] {
    for (const auto& r : restrictions) nets.push_back(std::make_unique<AlignmentNet>(*wf, *r));
  });
  for (const auto& n : nets) aligners.push_back(std::make_unique<Aligner>(*n));

  std::mt19937 rng(42);
  std::vector<Case> log;
  std::size_t events = 0;
  for (std::size_t c = 0; c < cases; ++c) {
    const std::size_t r = std::uniform_int_distribution<std::size_t>(0, restrictions.size() - 1)(rng);
    const TokenGame game(*wf, *restrictions[r]);
    auto run = bench::simulate(game, rng);
    const bool open = std::bernoulli_distribution(0.2)(rng);
    if (open) run.resize(std::uniform_int_distribution<std::size_t>(1, run.size())(rng));
    log.push_back({r, with_noise(*wf, run, noise, rng), open});
    events += log.back().events.size();
  }

  std::uint64_t cost = 0, states = 0, limited = 0, most_states = 0;
  const std::clock_t cpu_start = std::clock();
  const double time = bench::seconds([&] {
    for (const Case& c : log) {
      const Alignment a = aligners[c.restriction]->align(c.events, {c.open, 1'000'000});
      cost += a.cost;
      states += a.states;
      most_states = std::max(most_states, a.states);
      limited += a.status == AlignmentStatus::limit_reached;
    }
  });
  // The machine is shared: the process's own CPU time is the steadier figure.
  const double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  std::printf("cases %zu, events %zu, noise %.2f: %.3f s wall, %.3f s CPU, %.0f events per CPU second, %.2f cost/case, %.1f states/case (at most %llu), "
              "%llu over the limit; nets built in %.4f s; peak RSS %ld MiB\n",
              cases, events, noise, time, cpu, static_cast<double>(events) / cpu, static_cast<double>(cost) / cases,
              static_cast<double>(states) / cases, static_cast<unsigned long long>(most_states), static_cast<unsigned long long>(limited), build,
              bench::peak_rss_mib());
}
