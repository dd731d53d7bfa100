// Conformance of single cases: each deviation kind on a small workflow where
// it must fire, and a trap where it must not; then born-unge's foer.json.
#include "support.hpp"

#include <baton/log_conformance.hpp>

#include <algorithm>

using namespace baton;
using namespace baton::test;

namespace {

// Start (team A) -> a (A, 1 hour) -> b (B) -> end (B); a must come before b
// and be answered by b within a calendar month; b must happen.
const std::string small_json = workflow_json(
    step("s", "Start", R"(, "kind": "start", "team": "A")") + ", " +
        step("a", "Alpha work", R"(, "team": "A", "duration": "PT1H", "log_names": ["A-log"])") + ", " +
        step("b", "Beta work", R"(, "team": "B")") + ", " + step("e", "Slut", R"(, "kind": "end", "team": "B")"),
    edges({"s>a", "a>b", "b>e"}),
    R"(, "teams": [{"id": "A", "name": "Alpha"}, {"id": "B", "name": "Beta"}],
       "requirements": [
         {"id": "r-exists", "text": "b happens", "rule": {"type": "existence", "steps": "b"}},
         {"id": "r-before", "text": "a before b", "rule": {"type": "precedence", "first": "a", "then": "b"}},
         {"id": "r-month", "text": "b within a month of a",
          "rule": {"type": "response", "first": "a", "then": "b", "within": "P1M"}}])");

// Milliseconds of a UTC date and hour.
std::int64_t at(const std::string& date, int hour = 0, int minute = 0) {
  return (Date::parse(date)->days_since_epoch() * 24 * 60 + hour * 60 + minute) * 60'000;
}

LogEvent event(const std::string& activity, std::int64_t time, const std::string& team = "",
               Lifecycle lifecycle = Lifecycle::complete) {
  LogEvent e;
  e.activity = activity;
  e.time_ms = time;
  e.team = team;
  e.lifecycle = lifecycle;
  return e;
}

// A case whose events come an hour apart from 2026-01-05 10:00.
LogCase hourly(const std::vector<std::string>& activities, const std::string& case_type = "") {
  LogCase c;
  c.id = "case-1";
  c.case_type = case_type;
  std::int64_t t = at("2026-01-05", 10);
  for (const auto& a : activities) {
    c.events.push_back(event(a, t));
    t += 3'600'000;
  }
  return c;
}

std::vector<std::string> kinds(const Workflow& wf, const CaseResult& r) {
  std::vector<std::string> out;
  for (const Deviation& d : r.deviations)
    out.push_back(std::string(to_string(d.kind)) + ":" + (d.step ? wf.step(*d.step).id : "-") +
                  (d.requirement ? ":" + wf.requirements()[*d.requirement].id : ""));
  std::sort(out.begin(), out.end());
  return out;
}

bool has(const std::vector<std::string>& all, const std::string& one) { return std::ranges::count(all, one) > 0; }

struct Small {
  std::shared_ptr<const Workflow> wf = load(small_json);
  ConformOptions options;
  std::unique_ptr<ConformanceModel> model;

  explicit Small(std::optional<Date> today = std::nullopt, std::uint64_t limit = 100'000) {
    options.today = today;
    options.state_limit = limit;
    model = std::make_unique<ConformanceModel>(*wf, options);
  }
  CaseResult check(const LogCase& c) { return check_case(*model, c); }
  std::vector<std::string> deviations(const LogCase& c) { return kinds(*wf, check(c)); }
};

}  // namespace

TEST_CASE("a case that follows the workflow has no deviation and fitness 1", "[conform]") {
  Small fx;
  const CaseResult r = fx.check(hourly({"s", "a", "b", "e"}));
  CHECK(r.deviations.empty());
  CHECK(r.status == CaseStatus::aligned);
  CHECK_FALSE(r.open);
  CHECK(r.alignment.cost == 0);
  CHECK(r.alignment.fitness == 1.0);
  CHECK(r.denominator == 8);  // four events, and a cheapest complete run of four steps
  REQUIRE(r.requirements.size() == 3);
  CHECK(std::ranges::all_of(r.requirements, [](const RequirementOutcome& o) { return o.kept; }));
}

TEST_CASE("events match steps by id, name and log name; other activities are unknown", "[conform]") {
  Small fx;
  CHECK(fx.wf->step(1).log_names == std::vector<std::string>{"A-log"});
  CHECK(to_json(*fx.wf).find(R"("log_names":["A-log"])") != std::string::npos);  // written back
  CHECK(fx.deviations(hourly({"Start", "A-log", "Beta work", "e"})).empty());
  const CaseResult r = fx.check(hourly({"s", "a", "zzz", "b", "e"}));
  CHECK(kinds(*fx.wf, r) == std::vector<std::string>{"unknown-activity:-"});
  CHECK(r.alignment.cost == 1);
  CHECK(r.alignment.fitness == Approx(1.0 - 1.0 / 9.0));
  REQUIRE(r.occurrences.size() == 5);
  CHECK_FALSE(r.occurrences[2].step);
}

TEST_CASE("skipped-step fires on a closed case, never for steps still ahead of an open one", "[conform]") {
  Small fx;
  CHECK(has(fx.deviations(hourly({"s", "a", "e"})), "skipped-step:b"));
  const CaseResult open = fx.check(hourly({"s", "a"}));
  CHECK(open.open);
  CHECK(open.deviations.empty());
  CHECK(open.alignment.cost == 0);
  // Marked closed by the log: the steps it lacks were skipped.
  LogCase closed = hourly({"s", "a"});
  closed.closed = true;
  CHECK(has(fx.deviations(closed), "skipped-step:b"));
}

TEST_CASE("unexpected-step and out-of-order", "[conform]") {
  Small fx;
  const auto twice = fx.deviations(hourly({"s", "a", "a", "b", "e"}));
  CHECK(twice == std::vector<std::string>{"unexpected-step:a"});
  const auto swapped = fx.deviations(hourly({"s", "b", "a", "e"}));
  CHECK(std::ranges::count_if(swapped, [](const std::string& k) { return k.starts_with("out-of-order:"); }) == 1);
  CHECK_FALSE(std::ranges::any_of(swapped, [](const std::string& k) { return k.starts_with("skipped-step"); }));
  CHECK(has(swapped, "requirement-violated:b:r-before"));  // b came with no a before it
}

TEST_CASE("other-team compares the event's team, by id or name, with the step's", "[conform]") {
  Small fx;
  LogCase c = hourly({"s", "a", "b", "e"});
  c.events[1].team = "Beta";
  const CaseResult r = fx.check(c);
  CHECK(kinds(*fx.wf, r) == std::vector<std::string>{"other-team:a"});
  CHECK(r.deviations[0].args == std::vector<std::string>{"Beta", "Alpha"});
  c.events[1].team = "A";
  c.events[2].team = "Beta";
  CHECK(fx.deviations(c).empty());  // by id, by name; no team given is no deviation
}

TEST_CASE("requirements are judged on the events; what an open case may still do is not held against it",
          "[conform]") {
  Small fx;
  const auto no_b = fx.deviations(hourly({"s", "a", "e"}));
  CHECK(has(no_b, "requirement-violated:-:r-exists"));
  CHECK(has(no_b, "requirement-violated:a:r-month"));  // closed: a was never answered
  const CaseResult open = fx.check(hourly({"s", "a"}));
  CHECK(open.deviations.empty());
  CHECK(std::ranges::all_of(open.requirements, [](const RequirementOutcome& o) { return o.kept; }));
  const CaseResult early = fx.check(hourly({"s", "b"}));
  CHECK(has(kinds(*fx.wf, early), "requirement-violated:b:r-before"));  // has happened: open or not
  const auto kept = std::ranges::find_if(early.requirements, [](const RequirementOutcome& o) { return !o.kept; });
  REQUIRE(kept != early.requirements.end());
  CHECK(fx.wf->requirements()[kept->requirement].id == "r-before");
}

TEST_CASE("deadline-missed counts months as calendar months", "[conform]") {
  Small fx;
  const auto answered = [&](const std::string& a_day, int a_hour, const std::string& b_day, int b_hour) {
    LogCase c;
    c.id = "d";
    c.events = {event("s", at(a_day)), event("a", at(a_day, a_hour)), event("b", at(b_day, b_hour)),
                event("e", at(b_day, b_hour + 1))};
    return fx.check(c);
  };
  // 31 January plus a month is 28 February: an hour later is late,
  // although it is fewer than 30 days.
  const CaseResult late = answered("2026-01-31", 10, "2026-02-28", 11);
  CHECK(kinds(*fx.wf, late) == std::vector<std::string>{"deadline-missed:b:r-month"});
  CHECK(late.deviations[0].args == std::vector<std::string>{"P1M", "28 days 1 hour"});
  CHECK(answered("2026-01-31", 10, "2026-02-28", 9).deviations.empty());
  // 1 March plus a month is 1 April: 30 days and 2 hours is in time.
  CHECK(answered("2026-03-01", 10, "2026-03-31", 12).deviations.empty());
  const CaseResult in_time = answered("2026-03-01", 10, "2026-03-31", 12);
  REQUIRE(in_time.requirements.size() == 3);
  CHECK(in_time.requirements[2].responses == std::vector<ResponseTime>{{(30 * 24 + 2) * 3600, false}});
  CHECK(late.requirements[2].responses == std::vector<ResponseTime>{{(28 * 24 + 1) * 3600, true}});
}

TEST_CASE("overdue: an open case whose deadline passed by the analysis date", "[conform]") {
  const LogCase open = hourly({"s", "a"});  // a on 2026-01-05 11:00: b due by 2026-02-05 11:00
  Small late(Date::parse("2026-02-05"));
  const CaseResult r = late.check(open);
  CHECK(kinds(*late.wf, r) == std::vector<std::string>{"overdue:a:r-month"});
  CHECK(r.deviations[0].args[1] == "2026-02-05");
  CHECK_FALSE(r.requirements[2].kept);
  CHECK(Small(Date::parse("2026-02-04")).deviations(open).empty());
  CHECK(Small().deviations(open).empty());  // no analysis date, no overdue list
  // A closed case is no longer overdue: it broke the rule.
  LogCase closed = open;
  closed.closed = true;
  const auto closed_kinds = late.deviations(closed);
  CHECK_FALSE(has(closed_kinds, "overdue:a:r-month"));
  CHECK(has(closed_kinds, "requirement-violated:a:r-month"));
}

TEST_CASE("step-too-long pairs a start event with the complete event of the same step", "[conform]") {
  Small fx;
  LogCase c = hourly({"s", "a", "b", "e"});
  c.events.insert(c.events.begin() + 1, event("a", c.events[1].time_ms - 90 * 60'000, "", Lifecycle::start));
  const CaseResult r = fx.check(c);
  CHECK(kinds(*fx.wf, r) == std::vector<std::string>{"step-too-long:a"});
  REQUIRE(r.step_times.size() == 1);
  CHECK(r.step_times[0].seconds == 90 * 60);
  CHECK(r.occurrences.size() == 4);  // a start event is no occurrence
  c.events[1].time_ms += 60 * 60'000;  // now 30 minutes
  CHECK(fx.deviations(c).empty());
}

TEST_CASE("waiting times between occurrences, handovers between teams", "[conform]") {
  Small fx;
  const CaseResult r = fx.check(hourly({"s", "a", "b", "e"}));
  REQUIRE(r.waits.size() == 3);
  CHECK(r.waits[0].seconds == 3600);
  CHECK_FALSE(r.waits[0].handover);  // the start step is no work
  CHECK(r.waits[1].handover);        // a (A) to b (B)
  CHECK_FALSE(r.waits[2].handover);  // to the end step
}

TEST_CASE("a case whose search passes the state limit is analysis-limit, with no cost", "[conform]") {
  Small fx(std::nullopt, 2);
  const CaseResult r = fx.check(hourly({"s", "b", "a", "zzz", "e"}));
  CHECK(r.status == CaseStatus::analysis_limit);
  CHECK(kinds(*fx.wf, r) == std::vector<std::string>{"requirement-violated:a:r-month", "requirement-violated:b:r-before",
                                                     "unknown-activity:-"});
  CHECK(Small().check(hourly({"s", "b", "a", "zzz", "e"})).status == CaseStatus::aligned);
}

TEST_CASE("born-unge: a closed notification, its late assessment, and an open case overdue", "[conform]") {
  const auto wf = load_workflow_file(std::string(BATON_SOURCE_DIR) + "/examples/born-unge/foer.json");
  ConformOptions options;
  options.today = Date::parse("2026-03-01");
  const ConformanceModel model(*wf, options);
  LogCase c;
  c.id = "2026-0001";
  c.case_type = "Underretning lukket efter vurdering";  // by name
  const std::int64_t t0 = at("2026-02-02", 9);
  c.events = {event("underretning-modtaget", t0, "modtagelse"), event("vurdering-24t", t0 + 2 * 3'600'000),
              event("kvittering-underretter", t0 + 26 * 3'600'000), event("Screening", t0 + 50 * 3'600'000),
              event("henlagt", t0 + 74 * 3'600'000)};
  const CaseResult kept = check_case(model, c);
  CHECK(kept.case_type == wf->find_case_type("underretning-lukket"));
  CHECK_FALSE(kept.open);
  CHECK(kept.deviations.empty());
  CHECK(kept.alignment.fitness == 1.0);
  CHECK(std::ranges::all_of(kept.requirements, [](const RequirementOutcome& o) { return o.kept; }));

  c.events[1].time_ms = t0 + 25 * 3'600'000;  // the 24-hour assessment an hour late
  CHECK(kinds(*wf, check_case(model, c)) == std::vector<std::string>{"deadline-missed:vurdering-24t:krav-24t"});

  c.events.resize(1);  // only the notification: open, and its 24 hours passed long ago
  const CaseResult open = check_case(model, c);
  CHECK(open.open);
  CHECK(kinds(*wf, open) == std::vector<std::string>{"overdue:underretning-modtaget:krav-24t"});

  // Without a case type the case is checked against every run.
  c.case_type = "ukendt";
  CHECK_FALSE(check_case(model, c).case_type);
  CHECK(check_case(model, c).status == CaseStatus::aligned);
}
