// Simulated event logs (shared/spec/event-logs.md "Simulation"): cases that
// follow a workflow's token game, with noise injected at given rates and the
// ground truth of every injected deviation, for tests, benchmarks and the
// shipped example.
#pragma once

#include <baton/event_log.hpp>
#include <baton/model.hpp>
#include <baton/time.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace baton {

// The kinds of noise, named as the deviation conformance should find.
enum class NoiseKind : std::uint8_t {
  skip,        // a work step's event left out: skipped-step
  repeat,      // a work step's event written twice: unexpected-step
  swap,        // two consecutive work steps in the wrong order: out-of-order
  other_team,  // a work step done by another team: other-team
  late,        // a step taking 1.5 to 3 times its duration: step-too-long (and deadlines it breaks)
};

// At `rate` (0 to 1) per occurrence of a work step (of `step` only, when set).
struct Noise {
  NoiseKind kind = NoiseKind::skip;
  std::optional<Index> step;
  double rate = 0;
};

// Parses "RATE" (every kind at that rate), "KIND=RATE" or "KIND:STEP=RATE",
// KIND one of skip, repeat, swap, other-team, late. Throws OptionError.
std::vector<Noise> parse_noise(const Workflow& workflow, std::string_view text);

struct SimulateOptions {
  std::uint64_t cases = 100;
  std::uint64_t seed = 1;
  std::vector<Noise> noise;
  // Cases arrive evenly at random over [first_day, last_day); what has not
  // happened by the end of last_day is not in the log (those cases are open).
  Date first_day{2026, 1, 1};
  Date last_day{2026, 12, 31};
  // Events are written with the offset of this zone (summer time included).
  std::string time_zone = "Europe/Copenhagen";
  // A `start` event before each complete one of a step with a duration, so
  // that step-too-long can be seen (it doubles the log).
  bool start_events = false;
};

// One injected deviation, in conformance's words (event-logs.md, item 2):
// skipped-step, unexpected-step, out-of-order, other-team, step-too-long,
// deadline-missed, overdue.
struct InjectedDeviation {
  std::string case_id, deviation, step, requirement, detail;
};

using SimulatedCaseSink = std::function<void(const LogCase&, const std::vector<InjectedDeviation>&)>;

// Cases in order of arrival (ids "S-00001", ...; a case arriving too late
// to have an event before the log's end is left out, its id unused). The same workflow, options
// and seed give the same log on every machine. Without noise the log keeps
// every response deadline (the steps before a `then` are made faster where
// needed), so conformance should find nothing the workflow itself allows.
void simulate(const Workflow& workflow, const SimulateOptions& options, const SimulatedCaseSink& sink);

// Writes a log as XES or CSV (by the name: .xes, .csv, each optionally .gz)
// and the ground truth as CSV beside it (`truth`), case by case. Throws
// OutputError-like std::runtime_error with a one-line message on failure.
struct SimulationFiles {
  std::uint64_t cases = 0, events = 0, deviations = 0;
};
SimulationFiles simulate_to_files(const Workflow& workflow, const SimulateOptions& options,
                                  const std::filesystem::path& log, const std::filesystem::path& truth);

// Where simulate_to_files puts the truth for `log`: "x.xes.gz" -> "x.truth.csv".
std::filesystem::path truth_path_for(const std::filesystem::path& log);

}  // namespace baton
