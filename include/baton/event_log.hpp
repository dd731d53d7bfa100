// Case histories as read from an event log (shared/spec/event-logs.md,
// "Event logs"): the readers (XES, CSV) produce these, conformance consumes
// them. A log is handed over case by case so that a big log is processed in
// bounded memory.
#pragma once

#include <baton/json.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace baton {

enum class Lifecycle : std::uint8_t {
  complete,  // `complete`, or no lifecycle given: an occurrence of a step
  start,     // the step's own start, for durations
  other,     // any other transition: read, but no occurrence
};

struct LogEvent {
  std::string activity;
  std::int64_t time_ms = 0;  // UTC, milliseconds since 1970-01-01T00:00:00Z
  Lifecycle lifecycle = Lifecycle::complete;
  std::string resource;      // org:resource; empty when absent
  std::string team;          // org:group; empty when absent
  std::uint32_t line = 0;    // where the event is in the file (XES line, CSV row), for messages
  friend bool operator==(const LogEvent&, const LogEvent&) = default;
};

struct LogCase {
  std::string id;
  std::string case_type;     // the case-type attribute's value as written; empty when absent
  bool closed = false;       // marked closed by the log (a `closed` case attribute that is true)
  // Ordered by time, ties kept in file order (the readers sort stably).
  std::vector<LogEvent> events;
  std::uint32_t line = 0;
  friend bool operator==(const LogCase&, const LogCase&) = default;
};

enum class LogFormat : std::uint8_t { automatic, xes, csv };

struct LogReadOptions {
  LogFormat format = LogFormat::automatic;  // automatic: XML (plain or gzip) is XES, else CSV
  // CSV: 0 detects `,` `;` or tab from the header line.
  char separator = 0;
  // CSV columns; empty: the spec's defaults (case:concept:name / case_id, ...).
  std::string case_column, activity_column, timestamp_column, lifecycle_column, resource_column,
      team_column;
  // The case attribute (XES trace attribute, CSV column) holding the case type.
  std::string case_type_attribute = "case_type";
  // Timestamps without an offset are read in this IANA time zone.
  std::string time_zone = "Europe/Copenhagen";
  // Skip unreadable events (counted per reason) instead of refusing the log.
  bool lenient = false;
  // XES: the name of a classifier the log declares; its keys' values joined
  // by '+' (as ProM and PM4Py join them) are an event's activity. Empty:
  // the activity is concept:name.
  std::string classifier;
};

struct LogReadStats {
  std::uint64_t cases = 0;
  std::uint64_t events = 0;
  std::map<std::string, std::uint64_t> skipped;  // lenient: reason -> events skipped
};

// Bad input: thrown as LoadError (kind parse or invalid) whose place names
// the file and the line and column, or the row and column name.
using CaseSink = std::function<void(LogCase&&)>;

// Streams every case to `sink` as it completes, in file order; `file` only
// names the source in errors. An error later in the input still throws after
// earlier cases were handed over: a caller that must not act on half a log
// collects first (load_log does).
LogReadStats read_log(std::string_view bytes, std::string_view file, const LogReadOptions& options,
                      const CaseSink& sink);
LogReadStats read_log_file(const std::filesystem::path& path, const LogReadOptions& options,
                           const CaseSink& sink);

struct EventLog {
  std::vector<LogCase> cases;
  LogReadStats stats;
};

// The whole log in memory (small logs, the C ABI's log handle).
EventLog load_log(std::string_view bytes, std::string_view file, const LogReadOptions& options = {});
EventLog load_log_file(const std::filesystem::path& path, const LogReadOptions& options = {});

}  // namespace baton
