// Simulated logs (shared/spec/event-logs.md "Simulation"): the same seed
// gives the same log, a log without noise keeps the workflow's deadlines and
// ends its closed cases at an end step, injected noise is in the ground
// truth and in the log, and the written XES and CSV read back to the cases
// simulated.
#include <baton/event_log.hpp>
#include <baton/json.hpp>
#include <baton/simulate.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <map>

namespace {

std::shared_ptr<const baton::Workflow> born_unge() {
  static const auto wf = baton::load_workflow_file(std::string(BATON_SOURCE_DIR) + "/examples/born-unge/foer.json");
  return wf;
}

struct Simulated {
  std::vector<baton::LogCase> cases;
  std::vector<baton::InjectedDeviation> truth;
};

Simulated run(const baton::SimulateOptions& options) {
  Simulated out;
  baton::simulate(*born_unge(), options, [&](const baton::LogCase& c, const auto& truth) {
    out.cases.push_back(c);
    out.truth.insert(out.truth.end(), truth.begin(), truth.end());
  });
  return out;
}

const baton::Step* step_named(const std::string& name) {
  for (const auto& s : born_unge()->steps())
    if (s.name == name) return &s;
  return nullptr;
}

}  // namespace

TEST_CASE("Simulation: the same seed gives the same log", "[simulate]") {
  baton::SimulateOptions options;
  options.cases = 50;
  options.noise = baton::parse_noise(*born_unge(), "0.05");
  const Simulated a = run(options), b = run(options);
  CHECK(a.cases == b.cases);
  CHECK(a.truth.size() == b.truth.size());
  options.seed = 2;
  CHECK(run(options).cases != a.cases);
  CHECK(a.cases.size() == 50);
  CHECK(a.cases.front().id == "S-00001");
}

TEST_CASE("Simulation: without noise, nothing injected and every deadline kept", "[simulate]") {
  baton::SimulateOptions options;
  options.cases = 300;
  options.start_events = true;
  const Simulated log = run(options);
  CHECK(log.truth.empty());
  const baton::Workflow& wf = *born_unge();
  std::size_t ended = 0;
  for (const auto& c : log.cases) {
    REQUIRE_FALSE(c.events.empty());
    CHECK(step_named(c.events.front().activity)->kind == baton::StepKind::start);
    const baton::Step* last = step_named(c.events.back().activity);
    REQUIRE(last);
    ended += last->kind == baton::StepKind::end;
    CHECK_FALSE(c.case_type.empty());
    for (const auto& e : c.events) {
      const baton::Step* s = step_named(e.activity);
      REQUIRE(s);
      CHECK(s->kind != baton::StepKind::gateway);  // gateways never occur in a log
      CHECK(e.team == wf.teams()[*s->team].name);
    }
    // krav-24t: the assessment within 24 hours of the notification.
    std::int64_t received = -1;
    for (const auto& e : c.events) {
      if (e.lifecycle != baton::Lifecycle::complete) continue;
      if (e.activity == "Underretning modtaget") received = e.time_ms;
      if (e.activity == "Vurdering inden for 24 timer") CHECK(e.time_ms - received <= 24 * 3600 * 1000);
    }
  }
  CHECK(ended > 100);  // most cases of a year are closed by its end
  CHECK(ended < log.cases.size());  // and some are still open
}

TEST_CASE("Simulation: injected noise is in the truth and in the log", "[simulate]") {
  baton::SimulateOptions options;
  options.cases = 200;
  options.noise = baton::parse_noise(*born_unge(), "skip:screening=1");
  const Simulated skipped = run(options);
  std::size_t truths = 0;
  for (const auto& d : skipped.truth) truths += d.deviation == "skipped-step" && d.step == "screening";
  CHECK(truths > 150);
  for (const auto& c : skipped.cases)
    for (const auto& e : c.events) CHECK(e.activity != "Screening");

  options.noise = baton::parse_noise(*born_unge(), "late:vurdering-24t=1");
  const Simulated late = run(options);
  std::map<std::string, int> missed;
  for (const auto& d : late.truth)
    if (d.deviation == "deadline-missed" && d.requirement == "krav-24t") ++missed[d.case_id];
  CHECK(missed.size() > 150);

  options.noise = baton::parse_noise(*born_unge(), "other-team=1");
  for (const auto& d : run(options).truth) CHECK(d.deviation == "other-team");
  CHECK_THROWS_AS(baton::parse_noise(*born_unge(), "sometimes=0.1"), baton::OptionError);
  CHECK_THROWS_AS(baton::parse_noise(*born_unge(), "skip:nope=0.1"), baton::OptionError);
  CHECK_THROWS_AS(baton::parse_noise(*born_unge(), "1.5"), baton::OptionError);
}

TEST_CASE("Simulation: XES and CSV, plain and gzip, read back to the cases simulated", "[simulate][event-log]") {
  baton::SimulateOptions options;
  options.cases = 40;
  options.start_events = true;
  options.noise = baton::parse_noise(*born_unge(), "0.05");
  const Simulated expected = run(options);
  const auto dir = std::filesystem::temp_directory_path() / "baton-test-simulate";
  std::filesystem::create_directories(dir);
  for (const char* name : {"log.xes", "log.xes.gz", "log.csv", "log.csv.gz"}) {
    CAPTURE(name);
    const auto path = dir / name;
    const auto files = baton::simulate_to_files(*born_unge(), options, path, baton::truth_path_for(path));
    CHECK(files.cases == 40);
    CHECK(files.deviations == expected.truth.size());
    CHECK(std::filesystem::exists(dir / "log.truth.csv"));
    auto log = baton::load_log_file(path);
    REQUIRE(log.cases.size() == expected.cases.size());
    for (std::size_t i = 0; i < log.cases.size(); ++i) {
      for (auto& e : log.cases[i].events) e.line = 0;
      log.cases[i].line = 0;
      CHECK(log.cases[i] == expected.cases[i]);
    }
  }
  std::filesystem::remove_all(dir);
  CHECK(baton::truth_path_for("a/sager-2026.xes.gz") == std::filesystem::path("a/sager-2026.truth.csv"));
}
