// Inside baton_core: what the event-log readers (XES, CSV) share: the bytes
// in chunks (inflated when gzip), timestamps, and the bookkeeping of what a
// lenient read skipped. One home each, so both formats behave alike.
#pragma once

#include <baton/event_log.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace date {
class time_zone;
}

namespace baton::detail {

// A log's bytes, chunk by chunk, so that a big (or compressed) log is never
// held whole in memory.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // The next chunk; empty at the end. Valid until the next call.
  virtual std::string_view next() = 0;
};

// The bytes of a log as the readers see them: gzip (told by its magic bytes)
// inflated on the fly, otherwise as they are. Throws LoadError (io, parse).
std::unique_ptr<ByteSource> open_memory(std::string_view bytes, std::string_view file);
std::unique_ptr<ByteSource> open_file(const std::filesystem::path& path);

// Reads ISO 8601 / xs:dateTime timestamps to UTC milliseconds. One without an
// offset is local time in the given IANA zone: an ambiguous local time (the
// hour repeated when summer time ends) is the earlier instant, a
// non-existent one (the hour skipped when it begins) is read with the offset
// in force before the change, i.e. moved forward by the gap (as java.time and
// Python's zoneinfo do), so that order and durations stay as written.
class TimestampReader {
 public:
  // Throws LoadError (invalid) for an unknown zone.
  TimestampReader(std::string_view time_zone, std::string_view file);
  // Empty when `text` is no timestamp or out of range (years 1 to 9999).
  std::optional<std::int64_t> read(std::string_view text) const;

 private:
  const date::time_zone* zone_;
};

// Counting and refusing, as LogReadOptions::lenient says: a lenient read
// counts `reason` and goes on, a strict one throws LoadError (invalid) at the
// place.
class Refusals {
 public:
  Refusals(std::string_view file, bool lenient, LogReadStats& stats)
      : file_(file), lenient_(lenient), stats_(stats) {}
  // Returns (lenient) after counting `events` skipped events under `reason`.
  void skip(std::string_view reason, int line, int column, const std::string& message, std::uint64_t events = 1);
  [[noreturn]] void refuse(LoadError::Kind kind, int line, int column, std::string message) const;
  std::string_view file() const { return file_; }

 private:
  std::string_view file_;
  bool lenient_;
  LogReadStats& stats_;
};

// Stable by time, ties in file order (the spec's order of a case's events).
void order_events(LogCase& c);
// "complete" (or empty) / "start" / anything else, in any letter case.
Lifecycle lifecycle_of(std::string_view transition);
// XES and CSV booleans: "true" or "1" in any letter case.
bool is_true(std::string_view text);

void read_xes(ByteSource& source, std::string_view file, const LogReadOptions& options, const CaseSink& sink,
              LogReadStats& stats);
void read_csv(ByteSource& source, std::string_view file, const LogReadOptions& options, const CaseSink& sink,
              LogReadStats& stats);

}  // namespace baton::detail
