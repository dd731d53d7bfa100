// Conformance over a log: the figures per step, team, handover, requirement
// and case type; the same output whatever the threads; partitions that merge
// into exactly the whole log's result; pseudonyms.
#include "support.hpp"

#include <baton/conformance_report.hpp>
#include <baton/conformance_summary.hpp>
#include <baton/log_conformance.hpp>

#include <boost/json.hpp>

#include <sstream>

using namespace baton;
using namespace baton::test;

namespace {

// Start (A) -> a (A, 1 day) -> b (B, 2 days) -> end; b within 10 days of a.
const std::string small_json = workflow_json(
    step("s", "Start", R"(, "kind": "start", "team": "A")") + ", " +
        step("a", "Alpha work", R"(, "team": "A", "duration": "P1D")") + ", " +
        step("b", "Beta work", R"(, "team": "B", "duration": "P2D")") + ", " +
        step("e", "Slut", R"(, "kind": "end", "team": "B")"),
    edges({"s>a", "a>b", "b>e"}),
    R"(, "teams": [{"id": "A", "name": "Alpha"}, {"id": "B", "name": "Beta"}],
       "requirements": [
         {"id": "r-10d", "text": "b within 10 days of a",
          "rule": {"type": "response", "first": "a", "then": "b", "within": "P10D"}}],
       "case_types": [{"id": "t", "name": "Type T"}])");

constexpr std::int64_t hour = 3'600'000, day = 24 * hour;

LogEvent event(const std::string& activity, std::int64_t time, const std::string& team = "") {
  LogEvent e;
  e.activity = activity;
  e.time_ms = time;
  e.team = team;
  return e;
}

// Cases of born-unge's or the small workflow's steps with deviations drawn
// from a fixed sequence: some steps dropped, swapped, repeated, unknown,
// late, done by another team, and some cases left open.
std::vector<LogCase> simulated(const Workflow& wf, std::size_t n) {
  std::uint64_t seed = 12345;
  const auto next = [&](std::uint64_t bound) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return (seed >> 33) % bound;
  };
  std::vector<LogCase> out;
  for (std::size_t i = 0; i < n; ++i) {
    LogCase c;
    c.id = "case-" + std::to_string(i);
    if (next(3) == 0 && !wf.case_types().empty()) c.case_type = wf.case_types()[next(wf.case_types().size())].id;
    std::int64_t t = 1'767'225'600'000 + static_cast<std::int64_t>(next(365)) * day;
    // A walk from the start along random transitions, at most 12 steps.
    Index at = wf.start();
    for (int k = 0; k < 12; ++k) {
      const Step& s = wf.step(at);
      const std::uint64_t roll = next(100);
      if (s.kind != StepKind::gateway && roll >= 5) {
        std::string team = s.team ? wf.teams()[*s.team].id : "";
        if (roll < 10 && !wf.teams().empty()) team = wf.teams()[next(wf.teams().size())].name;
        c.events.push_back(event(roll < 8 ? "ukendt-" + std::to_string(next(3)) : s.id, t, team));
        if (roll > 95) c.events.push_back(event(s.id, t + hour, team));
      }
      t += static_cast<std::int64_t>(next(20 * 24)) * hour;
      const auto outs = wf.outgoing(at);
      if (outs.empty() || (k > 1 && next(10) == 0)) break;
      at = wf.transition(outs[next(outs.size())]).to;
    }
    if (c.events.size() > 2 && next(6) == 0) std::swap(c.events[1], c.events[2]);
    std::stable_sort(c.events.begin(), c.events.end(),
                     [](const LogEvent& a, const LogEvent& b) { return a.time_ms < b.time_ms; });
    out.push_back(std::move(c));
  }
  return out;
}

struct Output {
  std::string json;
  ConformanceSummary summary;
};

Output run(const Workflow& wf, const std::vector<LogCase>& cases, RunOptions run_options, ReportFormat format = ReportFormat::json) {
  ConformOptions options;
  options.today = Date::parse("2026-12-31");
  options.state_limit = 200'000;
  const ConformanceModel model(wf, options);
  std::ostringstream out;
  ConformanceReport report(out, format, wf, heading_of(wf, options, run_options));
  ConformanceRun conformance(model, run_options, [&](const CaseResult& r) { report.add(r); });
  for (LogCase c : cases) conformance.add(std::move(c));
  const ConformanceSummary& summary = conformance.finish();
  report.finish(summary);
  return {out.str(), summary};
}

}  // namespace

TEST_CASE("distributions: exact below 1024 seconds, within 1/512 above, nearest-rank percentiles", "[conform-summary]") {
  CHECK(Distribution::bucket_of(1023) == 1023);
  CHECK(Distribution::bucket_of(1025) == 1024);
  CHECK(Distribution::bucket_of(86'400) == 86'400 - 86'400 % 128);
  Distribution d;
  for (std::int64_t s : {5, 1, 4, 2, 3, 100, 7, 8, 9, 6}) d.add(s, s > 8);
  CHECK(d.count() == 10);
  CHECK(d.over_limit() == 2);
  CHECK(d.percentile(50) == 5);
  CHECK(d.percentile(90) == 9);
  CHECK(d.percentile(100) == 100);
  CHECK(Distribution{}.percentile(50) == 0);
}

TEST_CASE("figures per step, team, handover, requirement and case type", "[conform-summary]") {
  const auto wf = load(small_json);
  const std::int64_t t0 = 1'767'225'600'000;  // 2026-01-01
  std::vector<LogCase> cases(3);
  // Kept: a after 1 day, b 3 days later (over its 2 days), end.
  cases[0].id = "k";
  cases[0].case_type = "t";
  cases[0].events = {event("s", t0), event("a", t0 + day), event("b", t0 + 4 * day), event("e", t0 + 4 * day + hour)};
  // b skipped, and an unknown activity.
  cases[1].id = "s";
  cases[1].events = {event("s", t0), event("a", t0 + day), event("zzz", t0 + 2 * day), event("e", t0 + 3 * day)};
  // b by team A, 12 days after a: late.
  cases[2].id = "l";
  cases[2].events = {event("s", t0), event("a", t0 + day), event("b", t0 + 13 * day, "A"), event("e", t0 + 14 * day)};
  const ConformanceSummary s = run(*wf, cases, {}).summary;

  CHECK(s.cases == 3);
  CHECK(s.events == 12);
  CHECK(s.open == 0);
  CHECK(s.cost == 2);            // case 2: a model move on b and a log move of zzz
  CHECK(s.denominator == 24);    // 4 events + 4 steps, three times
  CHECK(s.fitness() == Approx(1.0 - 2.0 / 24.0));
  CHECK(s.unknown_activities == std::map<std::string, std::uint64_t>{{"zzz", 1}});

  const StepSummary& b = s.steps.at("b");
  CHECK(b.cases == 3);  // occurred twice, skipped once
  CHECK(b.occurrences == 2);
  CHECK(b.deviating == 2);
  CHECK(b.deviations.cases[static_cast<std::size_t>(DeviationKind::skipped_step)] == 1);
  CHECK(b.deviations.cases[static_cast<std::size_t>(DeviationKind::other_team)] == 1);
  CHECK(b.deviations.cases[static_cast<std::size_t>(DeviationKind::deadline_missed)] == 1);
  CHECK(b.waiting.count() == 2);
  CHECK(b.waiting.over_limit() == 2);  // 3 and 12 days, over 2
  CHECK(b.waiting.percentile(50) == Distribution::bucket_of(3 * 86'400));
  // Case 2's `a` was never answered: that is the requirement's, not a's.
  CHECK(s.steps.at("a").deviating == 0);

  const TeamSummary& beta = s.teams.at("B");
  CHECK(beta.cases == 3);
  CHECK(beta.deviating == 2);

  REQUIRE(s.handovers.size() == 1);
  const HandoverSummary& h = s.handovers.at("a>b");
  CHECK(h.cases == 2);
  CHECK(h.count == 2);
  CHECK(h.waiting.percentile(90) == Distribution::bucket_of(12 * 86'400));

  const RequirementSummary& r = s.requirements.at("r-10d");
  CHECK(r.cases == 3);
  CHECK(r.kept == 1);  // case 2 never answered, case 3 late
  CHECK(r.response.count() == 2);
  CHECK(r.response.over_limit() == 1);

  CHECK(s.case_types.at("t").cases == 1);
  CHECK(s.case_types.at("t").fitness_billionths == 1'000'000'000);
  CHECK(s.case_types.at("").cases == 2);
  CHECK(s.case_types.at("").aligned == 2);

  // The text a manager reads names the worst first.
  const std::string text = run(*wf, cases, {}, ReportFormat::text).json;
  INFO(text);
  CHECK(text.find("3 cases (0 open), 12 events; fitness 0.9167") != std::string::npos);
  CHECK(text.find("66.7 %  \u201cBeta work\u201d (3 cases)") != std::string::npos);
  CHECK(text.find("33.3 % kept  r-10d (3 cases)") != std::string::npos);
  CHECK(text.find("\u201czzz\u201d: 1 events") != std::string::npos);
}

TEST_CASE("the summary reads back from its JSON exactly", "[conform-summary]") {
  const auto wf = load_workflow_file(std::string(BATON_SOURCE_DIR) + "/examples/born-unge/foer.json");
  const ConformanceSummary s = run(*wf, simulated(*wf, 300), {}).summary;
  CHECK(s.cases == 300);
  CHECK(s.deviations.total() > 0);
  const boost::json::value j = summary_to_json(s);
  CHECK(summary_from_json(j, "part.json") == s);
  boost::json::value broken = j;
  broken.as_object()["cases"] = -1;
  CHECK_THROWS_AS(summary_from_json(broken, "part.json"), LoadError);
}

TEST_CASE("the output is the same byte for byte whatever the threads", "[conform-summary]") {
  const auto wf = load_workflow_file(std::string(BATON_SOURCE_DIR) + "/examples/born-unge/foer.json");
  const auto cases = simulated(*wf, 400);
  const Output one = run(*wf, cases, {});
  RunOptions four;
  four.jobs = 4;
  const Output more = run(*wf, cases, four);
  CHECK(more.json == one.json);
  CHECK(run(*wf, cases, {}, ReportFormat::csv).json == run(*wf, cases, four, ReportFormat::csv).json);
  CHECK(run(*wf, cases, {}, ReportFormat::text).json == run(*wf, cases, four, ReportFormat::text).json);
}

TEST_CASE("partitions merge into exactly the whole log's result", "[conform-summary]") {
  const auto wf = load_workflow_file(std::string(BATON_SOURCE_DIR) + "/examples/born-unge/foer.json");
  const auto cases = simulated(*wf, 300);
  const Output whole = run(*wf, cases, {});
  std::vector<std::pair<std::string, std::string>> parts;
  ConformanceSummary merged = ConformanceSummary::of(*wf);
  std::uint64_t seen = 0;
  for (std::uint32_t k = 3; k >= 1; --k) {  // in any order
    RunOptions part;
    part.partition = k;
    part.partitions = 3;
    part.jobs = k;
    const Output o = run(*wf, cases, part);
    seen += o.summary.cases;
    CHECK(o.summary.cases < 300);
    merged.merge(o.summary);
    parts.emplace_back("part-" + std::to_string(k) + ".json", o.json);
  }
  CHECK(seen == 300);
  CHECK(merged == whole.summary);
  CHECK(merge_conformance(parts) == whole.json);
  CHECK(merge_conformance(parts, ReportFormat::text) == run(*wf, cases, {}, ReportFormat::text).json);

  // A partition missing, or given twice, is no whole log.
  auto missing = parts;
  missing.pop_back();
  CHECK_THROWS_AS(merge_conformance(missing), LoadError);
  missing.push_back(parts.front());
  CHECK_THROWS_AS(merge_conformance(missing), LoadError);
  CHECK_THROWS_AS(merge_conformance({{"whole.json", whole.json}}), LoadError);  // not a partition's
  CHECK_THROWS_AS(merge_conformance({{"bad.json", "{\"cases\": ["}}), LoadError);
}

TEST_CASE("pseudonyms: HMAC-SHA-256 under the key, 16 hex digits, for every case id", "[conform-summary]") {
  CHECK(pseudonymise("geheim", "2026-0001") == "bb2e82974d5d270e");
  const auto wf = load(small_json);
  LogCase c;
  c.id = "2026-0001";
  c.events = {event("s", 0), event("a", 2 * day)};  // open, and b overdue
  RunOptions options;
  options.pseudonymise_key = "geheim";
  for (ReportFormat format : {ReportFormat::json, ReportFormat::csv, ReportFormat::text}) {
    const std::string out = run(*wf, {c}, options, format).json;
    INFO(out);
    CHECK(out.find("2026-0001") == std::string::npos);
    CHECK(out.find("bb2e82974d5d270e") != std::string::npos);
  }
}

TEST_CASE("a partition is chosen by a stable hash of the case id", "[conform-summary]") {
  CHECK(partition_of("", 1) == 1);
  // FNV-1a of "a" is 0xaf63dc4c8601ec8c.
  CHECK(partition_of("a", 7) == 0xaf63dc4c8601ec8cULL % 7 + 1);
  CHECK_THROWS_AS(ConformanceRun(ConformanceModel(*load(small_json)), RunOptions{1, 3, 2, {}}, nullptr),
                  std::invalid_argument);
}
