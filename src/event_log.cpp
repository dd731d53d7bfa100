// Event logs (shared/spec/event-logs.md, "Event logs"): which reader a log
// goes to, its bytes in chunks (gzip inflated as they come), timestamps and
// time zones. The formats themselves are in log_xes.cpp and log_csv.cpp.
#include <baton/event_log.hpp>

#include "json_loader.hpp"
#include "log_reading.hpp"

#include <date/tz.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>

namespace baton {
namespace detail {
namespace {

constexpr std::size_t chunk_bytes = 1 << 20;

class MemorySource final : public ByteSource {
 public:
  explicit MemorySource(std::string_view bytes) : bytes_(bytes) {}
  std::string_view next() override {
    const std::string_view chunk = bytes_.substr(0, chunk_bytes);
    bytes_.remove_prefix(chunk.size());
    return chunk;
  }

 private:
  std::string_view bytes_;
};

class FileSource final : public ByteSource {
 public:
  explicit FileSource(const std::filesystem::path& path) : name_(path.string()), buffer_(chunk_bytes, '\0') {
    std::error_code error;
    if (std::filesystem::is_directory(path, error))
      throw LoadError(LoadError::Kind::io, name_, "", 0, 0, "is a folder, not an event log");
    in_.open(path, std::ios::binary);
    if (!in_) throw LoadError(LoadError::Kind::io, name_, "", 0, 0, "cannot open the file");
  }
  std::string_view next() override {
    if (!in_) return {};
    in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    if (in_.bad()) throw LoadError(LoadError::Kind::io, name_, "", 0, 0, "cannot read the file");
    return {buffer_.data(), static_cast<std::size_t>(in_.gcount())};
  }

 private:
  std::string name_;
  std::ifstream in_;
  std::string buffer_;
};

// gzip, member after member (`cat a.gz b.gz` is one valid gzip file).
class InflatingSource final : public ByteSource {
 public:
  InflatingSource(std::unique_ptr<ByteSource> compressed, std::string_view first, std::string_view file)
      : compressed_(std::move(compressed)), input_(first), file_(file), output_(chunk_bytes / 4, '\0') {
    if (inflateInit2(&stream_, 15 + 16) != Z_OK) fail("zlib cannot start");
  }
  ~InflatingSource() override { inflateEnd(&stream_); }
  InflatingSource(const InflatingSource&) = delete;
  InflatingSource& operator=(const InflatingSource&) = delete;

  std::string_view next() override {
    while (!done_) {
      if (input_.empty()) {
        input_ = compressed_->next();
        if (input_.empty()) {
          if (!between_members_) fail("the gzip data ends early (the file is cut short)");
          done_ = true;
          break;
        }
      }
      stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input_.data()));
      stream_.avail_in = static_cast<uInt>(std::min<std::size_t>(input_.size(), 1u << 30));
      stream_.next_out = reinterpret_cast<Bytef*>(output_.data());
      stream_.avail_out = static_cast<uInt>(output_.size());
      const std::size_t offered = stream_.avail_in;
      const int status = inflate(&stream_, Z_NO_FLUSH);
      input_.remove_prefix(offered - stream_.avail_in);
      const std::size_t produced = output_.size() - stream_.avail_out;
      if (status == Z_STREAM_END) {
        between_members_ = true;
        if (inflateReset(&stream_) != Z_OK) fail("zlib cannot go on");
      } else if (status == Z_OK || status == Z_BUF_ERROR) {
        if (offered > 0 || produced > 0) between_members_ = false;
      } else {
        // Trailing zero padding after the last member is common (tape, dd).
        if (between_members_ && std::all_of(input_.begin(), input_.end(), [](char c) { return c == 0; })) {
          input_ = {};
          continue;
        }
        fail(std::string("the gzip data is damaged (") + (stream_.msg ? stream_.msg : "zlib error") + ")");
      }
      if (produced > 0) return {output_.data(), produced};
    }
    return {};
  }

 private:
  [[noreturn]] void fail(const std::string& message) const {
    throw LoadError(LoadError::Kind::parse, std::string(file_), "", 0, 0, message);
  }

  std::unique_ptr<ByteSource> compressed_;
  std::string_view input_;
  std::string file_;
  std::string output_;
  z_stream stream_{};
  bool between_members_ = false, done_ = false;
};

// Hands out `first` (already read to look at it), then the rest.
class ReplayingSource final : public ByteSource {
 public:
  ReplayingSource(std::unique_ptr<ByteSource> rest, std::string_view first) : rest_(std::move(rest)), first_(first) {}
  std::string_view next() override {
    if (!first_.empty()) return std::exchange(first_, {});
    return rest_->next();
  }

 private:
  std::unique_ptr<ByteSource> rest_;
  std::string_view first_;
};

std::unique_ptr<ByteSource> unpacked(std::unique_ptr<ByteSource> raw, std::string_view file) {
  const std::string_view first = raw->next();
  // A chunk is at least 2 bytes unless the whole input is shorter.
  if (first.size() >= 2 && first[0] == '\x1f' && first[1] == '\x8b')
    return std::make_unique<InflatingSource>(std::move(raw), first, file);
  return std::make_unique<ReplayingSource>(std::move(raw), first);
}

}  // namespace

std::unique_ptr<ByteSource> open_memory(std::string_view bytes, std::string_view file) {
  return unpacked(std::make_unique<MemorySource>(bytes), file);
}

std::unique_ptr<ByteSource> open_file(const std::filesystem::path& path) {
  return unpacked(std::make_unique<FileSource>(path), path.string());
}

// --- timestamps ---------------------------------------------------------------

TimestampReader::TimestampReader(std::string_view time_zone, std::string_view file) {
  try {
    zone_ = date::locate_zone(time_zone);
  } catch (const std::exception&) {
    throw LoadError(LoadError::Kind::invalid, std::string(file), "", 0, 0,
                    "the time zone " + shown_text(time_zone) +
                        " is not an IANA time zone known here (such as \"Europe/Copenhagen\" or \"UTC\")");
  }
}

namespace {

// Digits at `at`, exactly `n` of them.
bool digits(std::string_view text, std::size_t at, std::size_t n, int& value) {
  if (at + n > text.size()) return false;
  value = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  return true;
}

}  // namespace

std::optional<std::int64_t> TimestampReader::read(std::string_view text) const {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millis = 0;
  if (!digits(text, 0, 4, year) || text.size() < 10 || text[4] != '-' || !digits(text, 5, 2, month) ||
      text[7] != '-' || !digits(text, 8, 2, day))
    return std::nullopt;
  std::size_t at = 10;
  if (at < text.size()) {  // a time of day: 'T' or a blank, hh:mm[:ss[.fff]]
    if ((text[at] != 'T' && text[at] != ' ') || !digits(text, at + 1, 2, hour) || at + 3 >= text.size() ||
        text[at + 3] != ':' || !digits(text, at + 4, 2, minute))
      return std::nullopt;
    at += 6;
    if (at < text.size() && text[at] == ':') {
      if (!digits(text, at + 1, 2, second)) return std::nullopt;
      at += 3;
      if (at < text.size() && (text[at] == '.' || text[at] == ',')) {
        std::size_t n = 0;
        for (++at; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at, ++n)
          if (n < 3) millis = millis * 10 + (text[at] - '0');
        if (n == 0) return std::nullopt;
        for (; n < 3; ++n) millis *= 10;  // ".5" is 500 ms; beyond ms is cut
      }
    }
  }
  std::optional<int> offset_minutes;
  if (at < text.size()) {
    if (text[at] == 'Z' && at + 1 == text.size()) {
      offset_minutes = 0;
    } else if (text[at] == '+' || text[at] == '-') {
      int oh = 0, om = 0;
      const std::string_view zone = text.substr(at + 1);  // hh:mm, hhmm or hh
      const bool read = zone.size() == 5   ? zone[2] == ':' && digits(zone, 0, 2, oh) && digits(zone, 3, 2, om)
                        : zone.size() == 4 ? digits(zone, 0, 2, oh) && digits(zone, 2, 2, om)
                        : zone.size() == 2 && digits(zone, 0, 2, oh);
      if (!read) return std::nullopt;
      if (oh > 14 || om > 59) return std::nullopt;
      offset_minutes = (oh * 60 + om) * (text[at] == '-' ? -1 : 1);
    } else {
      return std::nullopt;
    }
  }
  if (year < 1 || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return std::nullopt;
  const date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                                 date::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  using namespace std::chrono;
  const auto local = date::local_days{ymd} + hours{hour} + minutes{minute} + seconds{second} + milliseconds{millis};
  if (offset_minutes) {
    return (local.time_since_epoch() - minutes{*offset_minutes}).count();
  }
  const date::local_info info = zone_->get_info(floor<seconds>(local));
  // unique and ambiguous: the first (earlier) reading; nonexistent: the offset
  // before the gap, which `first` holds.
  return (local.time_since_epoch() - info.first.offset).count();
}

// --- what lenient reads skip ----------------------------------------------------

void Refusals::skip(std::string_view reason, int line, int column, const std::string& message, std::uint64_t events) {
  if (!lenient_) refuse(LoadError::Kind::invalid, line, column, message);
  stats_.skipped[std::string(reason)] += events;
}

void Refusals::refuse(LoadError::Kind kind, int line, int column, std::string message) const {
  throw LoadError(kind, std::string(file_), "", line, column, std::move(message));
}

void order_events(LogCase& c) {
  std::stable_sort(c.events.begin(), c.events.end(),
                   [](const LogEvent& a, const LogEvent& b) { return a.time_ms < b.time_ms; });
}

namespace {
bool equals_lower(std::string_view text, std::string_view lower) {
  return text.size() == lower.size() && std::equal(text.begin(), text.end(), lower.begin(), [](char a, char b) {
           return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b;
         });
}
}  // namespace

Lifecycle lifecycle_of(std::string_view transition) {
  if (transition.empty() || equals_lower(transition, "complete")) return Lifecycle::complete;
  if (equals_lower(transition, "start")) return Lifecycle::start;
  return Lifecycle::other;
}

bool is_true(std::string_view text) { return text == "1" || equals_lower(text, "true"); }

}  // namespace detail

// --- the entry points -------------------------------------------------------------

namespace {

// XML (XES) when the first byte that is no blank, after any UTF-8 byte order
// mark, is '<', or the text is UTF-16; otherwise CSV.
LogFormat detect(std::string_view first) {
  if (first.starts_with("\xFF\xFE") || first.starts_with("\xFE\xFF")) return LogFormat::xes;
  if (first.starts_with("\xEF\xBB\xBF")) first.remove_prefix(3);
  const std::size_t at = first.find_first_not_of(" \t\r\n");
  return at != std::string_view::npos && first[at] == '<' ? LogFormat::xes : LogFormat::csv;
}

LogReadStats read_from(std::unique_ptr<detail::ByteSource> source, std::string_view file,
                       const LogReadOptions& options, const CaseSink& sink) {
  LogReadStats stats;
  LogFormat format = options.format;
  std::string_view first;
  if (format == LogFormat::automatic) {
    first = source->next();
    format = detect(first);
  }
  detail::ReplayingSource replay(std::move(source), first);
  if (format == LogFormat::xes) detail::read_xes(replay, file, options, sink, stats);
  else detail::read_csv(replay, file, options, sink, stats);
  return stats;
}

EventLog collected(const std::function<LogReadStats(const CaseSink&)>& read) {
  EventLog log;
  log.stats = read([&](LogCase&& c) { log.cases.push_back(std::move(c)); });
  return log;
}

}  // namespace

LogReadStats read_log(std::string_view bytes, std::string_view file, const LogReadOptions& options,
                      const CaseSink& sink) {
  return read_from(detail::open_memory(bytes, file), file, options, sink);
}

LogReadStats read_log_file(const std::filesystem::path& path, const LogReadOptions& options, const CaseSink& sink) {
  return read_from(detail::open_file(path), path.string(), options, sink);
}

EventLog load_log(std::string_view bytes, std::string_view file, const LogReadOptions& options) {
  return collected([&](const CaseSink& sink) { return read_log(bytes, file, options, sink); });
}

EventLog load_log_file(const std::filesystem::path& path, const LogReadOptions& options) {
  return collected([&](const CaseSink& sink) { return read_log_file(path, options, sink); });
}

}  // namespace baton
