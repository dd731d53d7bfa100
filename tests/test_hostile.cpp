// Hostile input, as a user found it (issue 12): times too long to count,
// texts with NUL in them, repeated case types. Each is either refused at load
// with a place, or, for a workflow made without the loader, analysed without
// overflowing.
#include <baton/check.hpp>
#include <baton/json.hpp>
#include <baton/time.hpp>

#include "support.hpp"

#include <catch2/catch.hpp>

#include <limits>
#include <string>

using namespace baton;

namespace {

LoadError refusal(const std::string& fixture) {
  try {
    test::load_fixture("hostile/" + fixture);
  } catch (const LoadError& e) {
    return e;
  }
  FAIL("hostile/" << fixture << " loaded");
  throw;
}

std::string duration_doc(const std::string& duration) {
  return R"({"baton": 1, "id": "d", "name": "D",
    "steps": [{"id": "s", "name": "S", "kind": "start"}, {"id": "a", "name": "A", "duration": ")" +
         duration + R"("}, {"id": "e", "name": "E", "kind": "end"}],
    "transitions": [{"from": "s", "to": "a"}, {"from": "a", "to": "e"}]})";
}

std::string interval_doc(const std::string& days) {
  return R"({"baton": 1, "id": "r", "name": "R", "review": {"last_reviewed": "2019-12-31", "interval_days": )" + days +
         R"(}, "steps": [{"id": "s", "name": "S", "kind": "start"}, {"id": "e", "name": "E", "kind": "end"}],
    "transitions": [{"from": "s", "to": "e"}]})";
}

// The workflow of `fixture` with the durations of `steps` set to `years`,
// made as a host could make it without the loader's bounds.
std::shared_ptr<const Workflow> with_years(const std::string& fixture, std::initializer_list<const char*> steps,
                                           std::int64_t years) {
  const auto loaded = test::load_fixture("hostile/" + fixture);
  WorkflowParts parts = loaded->parts();
  for (const char* id : steps) {
    Duration d;
    d.years = years;
    parts.steps.at(*loaded->find_step(id)).duration = d;
  }
  return Workflow::make(std::move(parts));
}

}  // namespace

TEST_CASE("a duration of hundreds of billions of years is refused at load", "[hostile]") {
  const LoadError e = refusal("huge-duration.json");
  CHECK(e.kind() == LoadError::Kind::invalid);
  CHECK(e.pointer() == "/steps/2/duration");
  CHECK(e.message().find("longer than 1000 years") != std::string::npos);
  // Each of the two fits in seconds alone; the first is refused all the same.
  CHECK(refusal("summed-durations.json").pointer() == "/steps/2/duration");
}

TEST_CASE("a duration of exactly 1000 years loads, one day more does not", "[hostile]") {
  CHECK_NOTHROW(test::load(duration_doc("P1000Y")));
  CHECK_NOTHROW(test::load(duration_doc("P365000D")));
  CHECK_THROWS_AS(test::load(duration_doc("P1000Y1D")), LoadError);
  CHECK_THROWS_AS(test::load(duration_doc("P52143W")), LoadError);
  CHECK_THROWS_AS(test::load(duration_doc("PT31536000001S")), LoadError);
}

TEST_CASE("the longest durations allowed, summed along a deadline chain, are reported exceeded", "[hostile]") {
  const auto wf = test::load_fixture("hostile/longest-durations.json");
  const auto found = test::findings_of(*wf, "deadline-exceeded");
  REQUIRE(found.size() == 1);
  CHECK(found[0].message.find("729270 days 1 hour") != std::string::npos);  // 2 * 999 * 365 days + 1 hour
}

TEST_CASE("durations past the loader's bound, made by a host, do not overflow the deadline search", "[hostile]") {
  for (const std::int64_t years : {std::int64_t{200'000'000'000}, std::int64_t{1} << 40,
                                   std::numeric_limits<std::int64_t>::max()}) {
    INFO(years << " years each");
    const auto wf = with_years("longest-durations.json", {"vent", "vent2"}, years);
    const auto found = test::findings_of(*wf, "deadline-exceeded");
    REQUIRE(found.size() == 1);
    CHECK(found[0].steps.front() == "modtag");
    // Every check runs to its end too.
    CHECK_NOTHROW(test::findings_of(*wf, ""));
  }
  // A negative duration (no loader makes one) counts as none.
  const auto negative = with_years("longest-durations.json", {"vent", "vent2"}, -5);
  CHECK(test::findings_of(*negative, "deadline-exceeded").empty());
}

TEST_CASE("seconds and days are added without overflow", "[hostile][time]") {
  constexpr auto top = std::numeric_limits<std::int64_t>::max(), bottom = std::numeric_limits<std::int64_t>::min();
  CHECK(saturating_add(top, 1) == top);
  CHECK(saturating_add(bottom, -1) == bottom);
  CHECK(saturating_add(40, 2) == 42);
  Duration d;
  d.years = std::int64_t{1} << 40;
  d.seconds = top;
  CHECK(d.static_seconds() == top);
  CHECK(Date{2019, 12, 31}.plus_days(top).year == 32767);
  CHECK(Date{2019, 12, 31}.plus_days(bottom).year == -32767);
  CHECK(Date{2019, 12, 31}.plus_days(1).to_string() == "2020-01-01");
}

TEST_CASE("a review interval of millions of years is refused at load", "[hostile]") {
  const LoadError e = refusal("huge-interval.json");
  CHECK(e.pointer() == "/review/interval_days");
  CHECK(e.message() == "must be at most 365000");
  CHECK_NOTHROW(test::load(interval_doc("365000")));
  CHECK_THROWS_AS(test::load(interval_doc("365001")), LoadError);
}

TEST_CASE("a review due past the calendar's end is not overdue", "[hostile]") {
  const auto loaded = test::load(interval_doc("365000"));
  CHECK(test::findings_of(*loaded, "review-overdue").empty());
  WorkflowParts parts = loaded->parts();
  parts.review->interval_days = std::numeric_limits<std::int64_t>::max();
  CHECK(test::findings_of(*Workflow::make(std::move(parts)), "review-overdue").empty());
  // And one that is due says the right date.
  const auto due = test::findings_of(*test::load(interval_doc("30")), "review-overdue");
  REQUIRE(due.size() == 1);
  CHECK(due[0].message.find("due on 2020-01-30") != std::string::npos);
}

TEST_CASE("a NUL inside a text is refused at load", "[hostile]") {
  const LoadError e = refusal("nul-in-name.json");
  CHECK(e.pointer() == "/name");
  CHECK(e.message().find("NUL") != std::string::npos);
}

TEST_CASE("a requirement naming one case type twice is refused at load", "[hostile]") {
  const LoadError e = refusal("repeated-case-type.json");
  CHECK(e.pointer() == "/requirements/0/case_types/1");
  CHECK(e.message() == "the case type \"akut\" is listed twice");
}
