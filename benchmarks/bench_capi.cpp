// The C ABI's overhead: the same checks on the same workflow, run through
// baton_check and read through the report accessors, against run_checks
// called directly and the findings read from the C++ structs. Rounds
// alternate between the two and the best round of each counts, so that
// frequency changes and other load hit both alike. Target: under 5 %.
//   bench_capi [ITERATIONS_PER_ROUND]   (default 200)
#include "generator.hpp"
#include "measure.hpp"

#include <baton.h>
#include <baton/check.hpp>
#include <baton/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

constexpr const char* today = "2026-11-24";
constexpr int rounds = 7;

// What a host does with a report: read every field of every finding. The
// sum keeps the compiler from dropping the reads.
std::size_t read_core(const baton::Report& report) {
  std::size_t sum = 0;
  for (const baton::Finding& f : report.findings) {
    sum += f.rule.size() + baton::to_string(f.severity).size() + f.message.size() + f.pointer.size();
    for (const auto& s : f.steps) sum += s.size();
    for (const auto& [from, to] : f.transitions) sum += from.size() + to.size();
    for (const auto& s : f.witness) sum += s.size();
  }
  return sum;
}

std::size_t read_capi(const baton_report* r) {
  std::size_t sum = 0;
  for (std::size_t i = 0, n = baton_report_count(r); i < n; ++i) {
    sum += std::strlen(baton_report_rule(r, i)) + std::strlen(baton_report_severity(r, i)) +
           std::strlen(baton_report_message(r, i)) + std::strlen(baton_report_pointer(r, i));
    for (std::size_t j = 0, m = baton_report_step_count(r, i); j < m; ++j) sum += std::strlen(baton_report_step(r, i, j));
    for (std::size_t j = 0, m = baton_report_transition_count(r, i); j < m; ++j)
      sum += std::strlen(baton_report_transition_from(r, i, j)) + std::strlen(baton_report_transition_to(r, i, j));
    for (std::size_t j = 0, m = baton_report_witness_count(r, i); j < m; ++j)
      sum += std::strlen(baton_report_witness(r, i, j));
  }
  return sum;
}

// Mean time of one call over `iterations` calls.
template <class F>
double seconds_each(int iterations, F&& run) {
  return baton::bench::seconds([&] {
           for (int i = 0; i < iterations; ++i) run();
         }) / iterations;
}

void compare(const char* label, const std::string& json, int iterations) {
  const auto wf = baton::load_workflow(json);
  baton_workflow* handle = nullptr;
  if (baton_workflow_from_json(json.data(), json.size(), &handle) != BATON_OK) {
    std::fprintf(stderr, "%s: %s\n", label, baton_last_error_message());
    std::exit(1);
  }
  baton::CheckOptions options;
  options.today = baton::Date::parse(today);
  baton_check_options opts = BATON_CHECK_OPTIONS_INIT;
  opts.today = today;

  std::size_t core_sum = 0, capi_sum = 0;
  double core = 1e9, capi = 1e9;
  for (int round = 0; round < rounds; ++round) {
    core = std::min(core, seconds_each(iterations, [&] { core_sum = read_core(baton::run_checks(*wf, options)); }));
    capi = std::min(capi, seconds_each(iterations, [&] {
                      baton_report* report = nullptr;
                      if (baton_check(handle, &opts, &report) != BATON_OK) std::abort();
                      capi_sum = read_capi(report);
                      baton_report_free(report);
                    }));
  }
  if (core_sum != capi_sum) {
    std::fprintf(stderr, "%s: the two paths read different findings\n", label);
    std::exit(1);
  }
  std::printf("| %s | %zu | %.1f | %.1f | %+.2f %% |\n", label, wf->steps().size(), core * 1e6, capi * 1e6,
              (capi - core) / core * 100);
  baton_workflow_free(handle);
}

}  // namespace

int main(int argc, char** argv) {
  const int iterations = argc > 1 ? std::atoi(argv[1]) : 200;
  std::printf("| workflow | steps | C++ core (µs/run) | C ABI (µs/run) | overhead |\n|---|---:|---:|---:|---:|\n");
  compare("generated, 30 steps", baton::bench::generate_workflow(30, 42), iterations);
  compare("generated, 300 steps", baton::bench::generate_workflow(300, 42), std::max(1, iterations / 10));
  compare("generated, 3000 steps", baton::bench::generate_workflow(3000, 42), std::max(1, iterations / 100));
}
