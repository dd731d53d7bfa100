#include <baton/time.hpp>

#include <baton/messages.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <limits>
#include <span>
#include <utility>

namespace baton {
namespace {

bool read_number(std::string_view& s, std::int64_t& out) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  if (ec != std::errc{} || end == s.data() || out < 0) return false;
  s.remove_prefix(static_cast<std::size_t>(end - s.data()));
  return true;
}

// Largest component value that keeps any sum of components in range.
constexpr std::int64_t max_component = std::int64_t{1} << 40;

}  // namespace

std::optional<Duration> Duration::parse(std::string_view s) {
  if (s.size() < 2 || s.front() != 'P') return std::nullopt;
  s.remove_prefix(1);
  Duration d;
  struct Unit { char letter; std::int64_t Duration::*field; };
  static constexpr Unit date_units[] = {{'Y', &Duration::years}, {'M', &Duration::months},
                                        {'W', &Duration::weeks}, {'D', &Duration::days}};
  static constexpr Unit time_units[] = {{'H', &Duration::hours}, {'M', &Duration::minutes},
                                        {'S', &Duration::seconds}};
  // Each part must come in order, at most once: parse against the unit list.
  auto parse_part = [&](std::span<const Unit> units) -> std::optional<int> {
    int count = 0;
    std::size_t next = 0;
    while (!s.empty() && s.front() != 'T') {
      std::int64_t n = 0;
      if (!read_number(s, n) || s.empty() || n > max_component) return std::nullopt;
      const char letter = s.front();
      s.remove_prefix(1);
      while (next < units.size() && units[next].letter != letter) ++next;
      if (next == units.size()) return std::nullopt;
      d.*(units[next].field) = n;
      ++next;
      ++count;
    }
    return count;
  };
  auto date_count = parse_part(date_units);
  if (!date_count) return std::nullopt;
  int time_count = 0;
  if (!s.empty()) {  // s starts with 'T'
    s.remove_prefix(1);
    auto t = parse_part(time_units);
    if (!t || *t == 0 || !s.empty()) return std::nullopt;
    time_count = *t;
  }
  if (*date_count + time_count == 0) return std::nullopt;
  return d;
}

std::string Duration::to_string() const {
  std::string out = "P";
  auto part = [&](std::int64_t n, char c) {
    if (n != 0) out += std::to_string(n) + c;
  };
  part(years, 'Y'); part(months, 'M'); part(weeks, 'W'); part(days, 'D');
  if (hours != 0 || minutes != 0 || seconds != 0) {
    out += 'T';
    part(hours, 'H'); part(minutes, 'M'); part(seconds, 'S');
  }
  if (out == "P") out = "PT0S";
  return out;
}

std::int64_t saturating_add(std::int64_t a, std::int64_t b) {
  std::int64_t sum = 0;
  if (!__builtin_add_overflow(a, b, &sum)) return sum;
  return b > 0 ? std::numeric_limits<std::int64_t>::max() : std::numeric_limits<std::int64_t>::min();
}

std::int64_t Duration::static_seconds() const {
  constexpr std::int64_t day = 86400;
  const std::pair<std::int64_t, std::int64_t> parts[] = {{years, 365 * day}, {months, 30 * day}, {weeks, 7 * day},
                                                         {days, day},        {hours, 3600},      {minutes, 60},
                                                         {seconds, 1}};
  std::int64_t total = 0;
  for (const auto& [count, unit] : parts) {
    std::int64_t part = 0;
    if (__builtin_mul_overflow(count, unit, &part)) part = count < 0 ? std::numeric_limits<std::int64_t>::min()
                                                                     : std::numeric_limits<std::int64_t>::max();
    total = saturating_add(total, part);
  }
  return total;
}

// The English words, from the message catalogue (one home for the units).
std::string describe_seconds(std::int64_t seconds) { return describe_seconds(seconds, Lang::en); }

namespace {
bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int days_in_month(int y, int m) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : days[m - 1];
}
}  // namespace

std::optional<Date> Date::parse(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto num = [&](std::size_t pos, std::size_t len, int& out) {
    for (std::size_t i = pos; i < pos + len; ++i)
      if (s[i] < '0' || s[i] > '9') return false;
    std::from_chars(s.data() + pos, s.data() + pos + len, out);
    return true;
  };
  Date d;
  if (!num(0, 4, d.year) || !num(5, 2, d.month) || !num(8, 2, d.day)) return std::nullopt;
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month))
    return std::nullopt;
  return d;
}

Date Date::today() {
  const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return from_days_since_epoch(now.time_since_epoch().count());
}

std::string Date::to_string() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::int64_t Date::days_since_epoch() const {
  using namespace std::chrono;
  return sys_days{std::chrono::year{year} / std::chrono::month{static_cast<unsigned>(month)} /
                  std::chrono::day{static_cast<unsigned>(day)}}
      .time_since_epoch()
      .count();
}

Date Date::from_days_since_epoch(std::int64_t days) {
  using namespace std::chrono;
  // The days of years -32767 and 32767, the range std::chrono::year holds.
  constexpr std::int64_t first = -12687428, last = 11248737;
  days = std::clamp(days, first, last);
  const year_month_day ymd{sys_days{std::chrono::days{days}}};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

std::int64_t add_calendar(std::int64_t utc_ms, const Duration& d) {
  constexpr std::int64_t day_ms = 86'400'000;
  std::int64_t days = utc_ms / day_ms, rest = utc_ms % day_ms;
  if (rest < 0) rest += day_ms, --days;
  Date date = Date::from_days_since_epoch(days);
  const std::int64_t months = (date.year + d.years) * 12 + (date.month - 1) + d.months;
  date.year = static_cast<int>(months / 12);
  date.month = static_cast<int>(months % 12) + 1;
  date.day = std::min(date.day, days_in_month(date.year, date.month));
  days = date.days_since_epoch() + d.weeks * 7 + d.days;
  return days * day_ms + rest + ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000;
}

}  // namespace baton
