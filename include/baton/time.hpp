// Durations (ISO 8601) and calendar dates, as the workflow format uses them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace baton {

// The longest duration and review interval a workflow may state: 1000 years
// (365 days each). Nothing a case worker keeps is longer, and the bound keeps
// every sum of times the analyses form far from overflowing; the loader
// refuses anything longer.
inline constexpr std::int64_t max_duration_days = 1000 * 365;
inline constexpr std::int64_t max_duration_seconds = max_duration_days * 86400;

// a + b for times in seconds (or days), never overflowing: a sum past the
// range stays at its end, which is still longer than any deadline.
std::int64_t saturating_add(std::int64_t a, std::int64_t b);

// PnYnMnWnDTnHnMnS with whole numbers. The components are kept as written so
// that a workflow round-trips unchanged; static analysis compares them through
// `static_seconds()`, which counts a month as 30 days and a year as 365.
struct Duration {
  std::int64_t years = 0, months = 0, weeks = 0, days = 0;
  std::int64_t hours = 0, minutes = 0, seconds = 0;

  static std::optional<Duration> parse(std::string_view text);
  std::string to_string() const;
  // Saturates at the int64 range (a workflow made without the loader may
  // hold any components); a loaded one is at most max_duration_seconds.
  std::int64_t static_seconds() const;
  // Whether months or years were counted as 30 or 365 days.
  bool uses_calendar_units() const { return years != 0 || months != 0; }
  friend bool operator==(const Duration&, const Duration&) = default;
};

// A length of time in seconds said the way a case worker would: "51 days",
// "24 hours", "2 days 4 hours".
std::string describe_seconds(std::int64_t seconds);

// A proleptic Gregorian calendar date.
struct Date {
  int year = 1970, month = 1, day = 1;

  static std::optional<Date> parse(std::string_view text);  // YYYY-MM-DD
  static Date today();                                       // UTC
  std::string to_string() const;
  std::int64_t days_since_epoch() const;
  // Saturates at the years the calendar can name (about +-32767).
  static Date from_days_since_epoch(std::int64_t days);
  Date plus_days(std::int64_t days) const { return from_days_since_epoch(saturating_add(days_since_epoch(), days)); }
  friend auto operator<=>(const Date&, const Date&) = default;
};

// An instant (UTC milliseconds since 1970) plus a duration in calendar time:
// years and months move the calendar date (31 January plus a month is the
// last day of February), weeks and days add whole days, the rest its
// seconds. Conformance judges deadlines this way (event-logs.md).
std::int64_t add_calendar(std::int64_t utc_ms, const Duration& duration);

}  // namespace baton
