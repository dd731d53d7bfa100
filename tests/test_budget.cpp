// The limits of a check run (issue 12): the state limit and the memory
// budget bound the whole run, not each question, and adversarial shapes
// stay within them. The time and memory these take are measured by
// benchmarks/bench_adversarial.cpp; here only that the bounds hold.
#include "adversarial.hpp"
#include "support.hpp"

#include <baton/check.hpp>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace baton;

namespace {

const Finding* analysis_limit(const Report& report) {
  const auto it = std::ranges::find(report.findings, std::string("analysis-limit"), &Finding::rule);
  return it == report.findings.end() ? nullptr : &*it;
}

Report check(const std::string& json, std::uint64_t state_limit, std::uint64_t memory_limit = 0) {
  CheckOptions options;
  options.today = Date::parse("2026-11-24");
  options.state_limit = state_limit;
  options.memory_limit = memory_limit;
  return run_checks(*test::load(json), options);
}

}  // namespace

TEST_CASE("adversarial workflows under 64 KB stop at the run's state limit and report it", "[budget]") {
  for (const auto& a : bench::adversarial_workflows()) {
    INFO(a.name);
    CHECK(a.json.size() < 64 * 1024);
    const Report report = check(a.json, 20'000);
    const Finding* limit = analysis_limit(report);
    REQUIRE(limit);
    CHECK(limit->message.find("limit of 20000 states") != std::string::npos);
    CHECK(std::ranges::none_of(report.findings, [](const Finding& f) { return f.rule == "internal-error"; }));
    CHECK(report.memory_reached.empty());
  }
}

TEST_CASE("the state limit is shared by every question of the run", "[budget]") {
  // What one exploration keeps is charged to the run; the next may keep only the rest.
  const auto wf = test::load(bench::adversarial_workflows()[1].json);
  CheckContext context(*wf, *Date::parse("2026-11-24"), 5'000);
  SearchLimit limit = context.search_limit();
  CHECK(affordable_states(limit, wf->transitions().size()) == 5'000);
  limit.spend(4'000, wf->transitions().size());
  CHECK(affordable_states(limit, wf->transitions().size()) == 1'000);
  limit.spend(4'000, wf->transitions().size());
  CHECK(affordable_states(limit, wf->transitions().size()) == 0);
  CHECK(!context.memory_reached());
}

TEST_CASE("a memory budget stops the explorations and is reported as the limit", "[budget]") {
  const std::string json = bench::unstructured_joins(6);  // tests/fixtures/hostile/unstructured-joins.json
  const Report unlimited = check(json, 0);
  CHECK(analysis_limit(unlimited) == nullptr);
  CHECK(unlimited.memory_reached.empty());

  const Report limited = check(json, 0, 64 * 1024);
  const Finding* limit = analysis_limit(limited);
  REQUIRE(limit);
  CHECK(limit->message.find("memory budget of 65536 bytes") != std::string::npos);
  CHECK(limit->message.find("Raise the memory budget") != std::string::npos);
  CHECK(!limited.memory_reached.empty());
  CHECK(limit->message.find(limited.memory_reached) != std::string::npos);

  // A budget the run never reaches changes nothing.
  const Report roomy = check(json, 0, std::uint64_t{1} << 34);
  CHECK(roomy.findings.size() == unlimited.findings.size());
  CHECK(roomy.memory_reached.empty());
}
