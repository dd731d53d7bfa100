#include <baton/time.hpp>

#include <catch2/catch.hpp>

using baton::Date;
using baton::Duration;

TEST_CASE("durations parse as ISO 8601 with whole numbers", "[time]") {
  CHECK(Duration::parse("PT24H")->static_seconds() == 24 * 3600);
  CHECK(Duration::parse("P4M")->static_seconds() == 4 * 30 * 86400);
  CHECK(Duration::parse("P1Y")->static_seconds() == 365 * 86400);
  CHECK(Duration::parse("P2W")->static_seconds() == 14 * 86400);
  CHECK(Duration::parse("P1DT2H30M5S")->static_seconds() == 86400 + 2 * 3600 + 30 * 60 + 5);
  for (const char* bad : {"", "P", "PT", "P1.5D", "P-1D", "PT1D", "P1H", "P1D1Y", "1D", "p1d", "P1DT", "P1M1M",
                          "P 1D", "P99999999999999999999D"})
    CHECK_FALSE(Duration::parse(bad).has_value());
}

TEST_CASE("durations write back as they were read", "[time]") {
  for (const char* text : {"PT24H", "P4M", "P1Y2M3W4DT5H6M7S", "P10D", "PT0S"})
    CHECK(Duration::parse(text)->to_string() == text);
  CHECK(Duration::parse("P4M")->uses_calendar_units());
  CHECK_FALSE(Duration::parse("P120D")->uses_calendar_units());
}

TEST_CASE("seconds are described in days and hours", "[time]") {
  CHECK(baton::describe_seconds(51 * 86400) == "51 days");
  CHECK(baton::describe_seconds(86400 + 3600) == "1 day 1 hour");
  CHECK(baton::describe_seconds(0) == "0 seconds");
}

TEST_CASE("dates are real calendar dates", "[time]") {
  CHECK(Date::parse("2024-02-29").has_value());
  CHECK_FALSE(Date::parse("2023-02-29").has_value());
  CHECK_FALSE(Date::parse("2026-13-01").has_value());
  CHECK_FALSE(Date::parse("2026-1-01").has_value());
  const Date d = *Date::parse("2026-11-24");
  CHECK(d.to_string() == "2026-11-24");
  CHECK(d.plus_days(7).to_string() == "2026-12-01");
  CHECK(Date::from_days_since_epoch(0).to_string() == "1970-01-01");
}
