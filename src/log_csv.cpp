// CSV reader (RFC 4180, shared/spec/event-logs.md "Event logs"): one event a
// row, read chunk by chunk by a small state machine so that quoted fields
// may hold separators, quotes ("") and line breaks. Rows of one case may be
// anywhere in the file (exports are often sorted by time), so the cases are
// collected and handed over at the end, in the order their first rows come.
#include "log_reading.hpp"

#include "json_loader.hpp"
#include "utf8.hpp"

#include <unordered_map>

namespace baton::detail {
namespace {

constexpr std::size_t max_field_bytes = 1 << 20;
constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The separator of the header line: the most frequent of , ; and tab
// outside quotes; ',' when there is none.
char detect_separator(std::string_view header) {
  std::size_t comma = 0, semicolon = 0, tab = 0;
  bool quoted = false;
  for (char c : header) {
    if (c == '"') quoted = !quoted;
    else if (!quoted && c == ',') ++comma;
    else if (!quoted && c == ';') ++semicolon;
    else if (!quoted && c == '\t') ++tab;
  }
  if (semicolon > comma && semicolon >= tab) return ';';
  if (tab > comma && tab > semicolon) return '\t';
  return ',';
}

// What a column is; `names` are the defaults tried when no option names it.
struct ColumnRole {
  const char* what;
  std::string option;
  std::vector<std::string> names;
  bool required;
  std::optional<std::size_t> index;
};

class CsvReader {
 public:
  CsvReader(std::string_view file, const LogReadOptions& options, const CaseSink& sink, LogReadStats& stats)
      : options_(options), sink_(sink), stats_(stats), refusals_(file, options.lenient, stats),
        times_(options.time_zone, file), separator_(options.separator) {
    if (separator_ == '"' || separator_ == '\n' || separator_ == '\r')
      refusals_.refuse(LoadError::Kind::invalid, 0, 0, "a quote or line break cannot be the CSV separator");
    const std::string& type = options.case_type_attribute;
    roles_ = {
        {"case", options.case_column, {"case:concept:name", "case_id", "case"}, true, {}},
        {"activity", options.activity_column, {"concept:name", "activity"}, true, {}},
        {"timestamp", options.timestamp_column, {"time:timestamp", "timestamp"}, true, {}},
        {"lifecycle", options.lifecycle_column, {"lifecycle:transition", "lifecycle"}, false, {}},
        {"resource", options.resource_column, {"org:resource", "resource"}, false, {}},
        {"team", options.team_column, {"org:group", "team"}, false, {}},
        {"case type", type, {"case:" + type}, false, {}},
        {"closed", "", {"closed", "case:closed"}, false, {}},
    };
  }

  void run(ByteSource& source) {
    std::string header;  // with an unknown separator, the first line is read before anything is split
    bool first = true;
    for (std::string_view chunk = source.next(); !chunk.empty(); chunk = source.next()) {
      if (first && chunk.starts_with(utf8_bom)) chunk.remove_prefix(utf8_bom.size());
      first = false;
      if (separator_ == 0) {
        const std::size_t end = header_end(chunk);
        header.append(chunk.substr(0, end == std::string_view::npos ? chunk.size() : end));
        if (header.size() > max_field_bytes)
          refusals_.refuse(LoadError::Kind::parse, 1, 1, "the header line is longer than 1 MiB");
        if (end == std::string_view::npos) continue;
        separator_ = detect_separator(header);
        feed(header);
        header.clear();
        chunk.remove_prefix(end);
      }
      feed(chunk);
    }
    if (separator_ == 0) {
      separator_ = detect_separator(header);
      feed(header);
    }
    finish();
  }

 private:
  enum class State { field_start, unquoted, quoted, quote_in_quoted };

  // Where the first line break outside quotes is in `chunk`, which goes on
  // the header read so far (whose quotes header_quoted_ has counted).
  std::size_t header_end(std::string_view chunk) {
    for (std::size_t i = 0; i < chunk.size(); ++i) {
      if (chunk[i] == '"') header_quoted_ = !header_quoted_;
      else if ((chunk[i] == '\n' || chunk[i] == '\r') && !header_quoted_) return i;
    }
    return std::string_view::npos;
  }

  void feed(std::string_view bytes) {
    for (const char c : bytes) {
      if (after_cr_) {
        after_cr_ = false;
        if (c == '\n') continue;  // \r\n is one line break
      }
      switch (state_) {
        case State::field_start:
          if (c == '"') {
            state_ = State::quoted;
            quote_line_ = line_;
            continue;
          }
          state_ = State::unquoted;
          [[fallthrough]];
        case State::unquoted:
          if (c == separator_) end_field();
          else if (c == '\n' || c == '\r') end_record(c);
          else if (c == '"')
            refusals_.refuse(LoadError::Kind::parse, line_, column(),
                             "a quote inside an unquoted field (RFC 4180: quote the whole field and double the "
                             "quote)");
          else append(c);
          break;
        case State::quoted:
          if (c == '"') state_ = State::quote_in_quoted;
          else {
            if (c == '\r' || (c == '\n' && !field_.ends_with('\r'))) ++line_;  // \r\n is one line break
            append(c);
          }
          break;
        case State::quote_in_quoted:
          if (c == '"') {
            append('"');
            state_ = State::quoted;
          } else if (c == separator_) end_field();
          else if (c == '\n' || c == '\r') end_record(c);
          else
            refusals_.refuse(LoadError::Kind::parse, line_, column(), "text after the closing quote of a field");
          break;
      }
    }
  }

  int column() const { return static_cast<int>(fields_.size()) + 1; }

  void append(char c) {
    if (field_.size() >= max_field_bytes)
      refusals_.refuse(LoadError::Kind::parse, record_line_, column(),
                       "a field longer than 1 MiB, more than any event log holds");
    field_ += c;
  }

  void end_field() {
    fields_.push_back(std::move(field_));
    field_.clear();
    state_ = State::field_start;
  }

  void end_record(char c) {
    end_field();
    take_record();
    fields_.clear();
    after_cr_ = c == '\r';
    ++line_;
    record_line_ = line_;
  }

  void finish() {
    if (state_ == State::quoted)
      refusals_.refuse(LoadError::Kind::parse, quote_line_, column(),
                       "a quoted field is not closed: it begins here and runs to the end of the file");
    if (state_ != State::field_start || !fields_.empty()) {
      end_field();
      take_record();
    }
    if (!have_header_) refusals_.refuse(LoadError::Kind::invalid, 1, 1, "the CSV file is empty: no header line");
    for (LogCase& c : cases_) {
      order_events(c);
      ++stats_.cases;
      stats_.events += c.events.size();
      sink_(std::move(c));
    }
  }

  void take_record() {
    if (fields_.size() == 1 && trimmed(fields_[0]).empty()) return;  // a blank line
    if (!have_header_) return take_header();
    if (fields_.size() != header_.size())
      return refusals_.skip("wrong number of fields", record_line_, 1,
                            "the row has " + std::to_string(fields_.size()) + " fields, the header has " +
                                std::to_string(header_.size()));
    const std::string_view id = value(0);
    if (id.empty()) return skip_at(0, "no case id", "is empty: the row has no case id");
    const std::string_view activity = value(1);
    if (activity.empty()) return skip_at(1, "no activity", "is empty: the row has no activity");
    const std::string_view time = value(2);
    if (time.empty()) return skip_at(2, "no timestamp", "is empty: the row has no timestamp");
    const std::optional<std::int64_t> ms = times_.read(time);
    if (!ms)
      return skip_at(2, "unreadable timestamp",
                     shown_text(time) + " is no ISO 8601 timestamp such as \"2026-03-29 09:30\" or "
                                        "\"2026-03-29T09:30:00+02:00\" (years 1 to 9999)");
    // A NUL would cut every text handed to a C host short, as the JSON
    // loader refuses it in a workflow.
    for (std::size_t r = 0; r < roles_.size(); ++r) {
      if (r == 2 || r == 3 || r == 7) continue;
      if (invalid_utf8(value(r)) != std::string_view::npos) return skip_at(r, "not UTF-8", "is not UTF-8 text");
      if (value(r).find('\0') != std::string_view::npos) return skip_at(r, "a NUL byte", "holds a NUL byte");
    }

    auto [at, added] = case_index_.try_emplace(std::string(id), cases_.size());
    if (added) {
      cases_.emplace_back();
      cases_.back().id = id;
      cases_.back().line = static_cast<std::uint32_t>(record_line_);
    }
    LogCase& c = cases_[at->second];
    if (c.case_type.empty()) c.case_type = value(6);
    if (is_true(value(7))) c.closed = true;
    LogEvent& event = c.events.emplace_back();
    event.activity = activity;
    event.time_ms = *ms;
    event.lifecycle = lifecycle_of(value(3));
    event.resource = value(4);
    event.team = value(5);
    event.line = static_cast<std::uint32_t>(record_line_);
  }

  // The field of role `r` in this row, blanks around it dropped; "" when the
  // log has no such column.
  std::string_view value(std::size_t r) const {
    return roles_[r].index ? trimmed(fields_[*roles_[r].index]) : std::string_view{};
  }

  void skip_at(std::size_t r, std::string_view reason, const std::string& what) {
    refusals_.skip(reason, record_line_, static_cast<int>(*roles_[r].index) + 1,
                   "column " + shown_text(header_[*roles_[r].index]) + " " + what);
  }

  void take_header() {
    have_header_ = true;
    for (std::string& name : fields_) header_.emplace_back(trimmed(name));
    auto find = [&](std::string_view name) -> std::optional<std::size_t> {
      for (std::size_t i = 0; i < header_.size(); ++i)
        if (equals_ignoring_case(header_[i], name)) return i;
      return std::nullopt;
    };
    std::string listed;
    for (const std::string& name : header_) listed += (listed.empty() ? "" : ", ") + shown_text(name);
    for (ColumnRole& role : roles_) {
      if (!role.option.empty()) {
        role.index = find(role.option);
        if (role.index) continue;
        // The case type attribute has a default; its column is optional.
        if (role.required || &role != &roles_[6])
          refusals_.refuse(LoadError::Kind::invalid, 1, 1,
                           "no column " + shown_text(role.option) + " (the " + role.what +
                               " column); the header has " + listed);
      }
      for (const std::string& name : role.names) {
        if (!role.index) role.index = find(name);
      }
      if (!role.index && role.required) {
        std::string tried;
        for (const std::string& name : role.names) tried += (tried.empty() ? "" : " or ") + shown_text(name);
        refusals_.refuse(LoadError::Kind::invalid, 1, 1,
                         std::string("no ") + role.what + " column (looked for " + tried +
                             "; name it with an option); the header has " + listed);
      }
    }
  }

  const LogReadOptions& options_;
  const CaseSink& sink_;
  LogReadStats& stats_;
  Refusals refusals_;
  TimestampReader times_;
  char separator_;
  std::vector<ColumnRole> roles_;

  State state_ = State::field_start;
  bool after_cr_ = false, header_quoted_ = false, have_header_ = false;
  int line_ = 1, record_line_ = 1, quote_line_ = 1;
  std::string field_;
  std::vector<std::string> fields_, header_;

  std::vector<LogCase> cases_;
  std::unordered_map<std::string, std::size_t> case_index_;
};

}  // namespace

void read_csv(ByteSource& source, std::string_view file, const LogReadOptions& options, const CaseSink& sink,
              LogReadStats& stats) {
  CsvReader(file, options, sink, stats).run(source);
}

}  // namespace baton::detail
