// XES reader (IEEE 1849, shared/spec/event-logs.md "Event logs"), streaming:
// Expat reads the XML chunk by chunk and each trace is handed over when its
// end tag is read, so memory is bounded by the biggest trace, never the log.
// No DTD is read at all (no entity can expand), and no element may be longer
// than `max_element_bytes`, so a hostile file cannot make Expat buffer it.
#include "log_reading.hpp"

#include "json_loader.hpp"

#include <expat.h>

#include <cstring>
#include <exception>
#include <map>
#include <unordered_set>

namespace baton::detail {
namespace {

constexpr std::size_t max_element_bytes = 16 << 20;

// The attribute keys an event's reading needs; classifier keys follow.
enum EventKey : std::size_t { activity_key, time_key, lifecycle_key, resource_key, group_key, standard_keys };
// The trace attribute keys a case's reading needs.
enum TraceKey : std::size_t { case_id_key, case_type_key, closed_key, trace_keys };

// Values of some keys, as attributes of one element give them.
struct Values {
  std::vector<std::string> value;
  std::vector<bool> present;
  explicit Values(std::size_t n = 0) : value(n), present(n, false) {}
  void clear() { std::fill(present.begin(), present.end(), false); }
  // The element's own value, else the global default.
  const std::string* get(std::size_t k, const Values& defaults) const {
    if (present[k]) return &value[k];
    return defaults.present[k] ? &defaults.value[k] : nullptr;
  }
};

enum class Frame : std::uint8_t { log, global_event, global_trace, trace, event, attribute, ignored };

std::string_view local_name(const XML_Char* name) {
  const char* colon = std::strrchr(name, ':');
  return colon ? colon + 1 : name;
}

bool is_attribute_element(std::string_view name) {
  return name == "string" || name == "date" || name == "int" || name == "float" || name == "boolean" ||
         name == "id" || name == "list" || name == "container";
}

const XML_Char* attribute(const XML_Char** atts, const char* name) {
  for (; *atts; atts += 2)
    if (std::strcmp(atts[0], name) == 0) return atts[1];
  return nullptr;
}

// Classifier keys: blank-separated, a key with blanks in single quotes.
std::vector<std::string> classifier_keys(std::string_view keys) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < keys.size()) {
    if (keys[at] == ' ') {
      ++at;
    } else if (keys[at] == '\'') {
      const std::size_t end = keys.find('\'', at + 1);
      out.emplace_back(keys.substr(at + 1, end == std::string_view::npos ? end : end - at - 1));
      at = end == std::string_view::npos ? keys.size() : end + 1;
    } else {
      const std::size_t end = std::min(keys.find(' ', at), keys.size());
      out.emplace_back(keys.substr(at, end - at));
      at = end;
    }
  }
  return out;
}

// FNV-1a, then a final mix: well spread 64-bit values for the duplicate check.
std::uint64_t id_hash(std::string_view id) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : id) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  return h ^ (h >> 33);
}

class XesReader {
 public:
  XesReader(std::string_view file, const LogReadOptions& options, const CaseSink& sink, LogReadStats& stats)
      : options_(options), sink_(sink), stats_(stats), refusals_(file, options.lenient, stats),
        times_(options.time_zone, file) {
    event_keys_ = {"concept:name", "time:timestamp", "lifecycle:transition", "org:resource", "org:group"};
    trace_keys_ = {"concept:name", options.case_type_attribute, "closed"};
    event_values_ = event_defaults_ = Values(event_keys_.size());
    trace_values_ = trace_defaults_ = Values(trace_keys);
  }

  void run(ByteSource& source) {
    XML_Parser parser = XML_ParserCreate(nullptr);
    if (!parser) throw std::bad_alloc();
    parser_ = parser;
    struct Free {
      XML_Parser p;
      ~Free() { XML_ParserFree(p); }
    } free_parser{parser};
    XML_SetUserData(parser, this);
    XML_SetElementHandler(parser, &XesReader::on_start, &XesReader::on_end);
    XML_SetStartDoctypeDeclHandler(parser, &XesReader::on_doctype);
    XML_SetParamEntityParsing(parser, XML_PARAM_ENTITY_PARSING_NEVER);

    std::uint64_t fed = 0;
    for (bool last = false; !last;) {
      const std::string_view chunk = source.next();
      last = chunk.empty();
      fed += chunk.size();
      const XML_Status status = XML_Parse(parser, chunk.data(), static_cast<int>(chunk.size()), last);
      if (failure_) std::rethrow_exception(failure_);
      if (status != XML_STATUS_OK)
        refusals_.refuse(LoadError::Kind::parse, static_cast<int>(XML_GetCurrentLineNumber(parser)),
                         static_cast<int>(XML_GetCurrentColumnNumber(parser)) + 1,
                         std::string("not well-formed XML: ") + XML_ErrorString(XML_GetErrorCode(parser)));
      if (fed - last_element_byte_ > max_element_bytes)
        refusals_.refuse(LoadError::Kind::parse, static_cast<int>(XML_GetCurrentLineNumber(parser)), 1,
                         "an element (or its attribute values) is longer than 16 MiB, more than any event log "
                         "holds");
    }
    if (!seen_log_) refusals_.refuse(LoadError::Kind::invalid, 1, 1, "not an XES log: no <log> element");
  }

 private:
  // Expat is C: nothing may be thrown through it. A handler keeps the first
  // exception and stops the parser; run() throws it.
  template <class F>
  void guarded(F&& f) {
    if (failure_) return;
    try {
      f();
    } catch (...) {
      failure_ = std::current_exception();
      XML_StopParser(parser_, XML_FALSE);
    }
  }

  static void XMLCALL on_start(void* self, const XML_Char* name, const XML_Char** atts) {
    auto& r = *static_cast<XesReader*>(self);
    r.guarded([&] { r.start(local_name(name), atts); });
  }
  static void XMLCALL on_end(void* self, const XML_Char*) {
    auto& r = *static_cast<XesReader*>(self);
    r.guarded([&] { r.end(); });
  }
  static void XMLCALL on_doctype(void* self, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    auto& r = *static_cast<XesReader*>(self);
    r.guarded([&] {
      r.refusals_.refuse(LoadError::Kind::parse, r.line(), r.column(),
                         "a document type declaration (DTD) is not allowed in an event log");
    });
  }

  int line() const { return static_cast<int>(XML_GetCurrentLineNumber(parser_)); }
  int column() const { return static_cast<int>(XML_GetCurrentColumnNumber(parser_)) + 1; }

  void start(std::string_view name, const XML_Char** atts) {
    last_element_byte_ = static_cast<std::uint64_t>(XML_GetCurrentByteIndex(parser_));
    const Frame parent = frames_.empty() ? Frame::ignored : frames_.back();
    Frame frame = Frame::ignored;
    if (frames_.empty()) {
      if (name != "log")
        refusals_.refuse(LoadError::Kind::invalid, line(), column(),
                         "not an XES log: the root element is <" + std::string(name) + ">, not <log>");
      seen_log_ = true;
      frame = Frame::log;
    } else if (parent == Frame::log) {
      if (name == "trace") {
        begin_trace();
        frame = Frame::trace;
      } else if (name == "global") {
        const XML_Char* scope = attribute(atts, "scope");
        frame = scope && std::strcmp(scope, "trace") == 0 ? Frame::global_trace : Frame::global_event;
      } else if (name == "classifier") {
        const XML_Char* cname = attribute(atts, "name");
        const XML_Char* keys = attribute(atts, "keys");
        if (cname && keys) classifiers_.emplace_back(cname, classifier_keys(keys));
      } else if (name == "event") {
        refusals_.skip("event outside a trace", line(), column(), "an event outside a trace belongs to no case");
      }
    } else if (parent == Frame::trace && name == "event") {
      begin_event();
      frame = Frame::event;
    } else if (parent == Frame::event || parent == Frame::trace || parent == Frame::global_event ||
               parent == Frame::global_trace) {
      if (is_attribute_element(name)) {
        take_attribute(parent, atts);
        frame = Frame::attribute;
      }
    }
    frames_.push_back(frame);
  }

  void end() {
    last_element_byte_ = static_cast<std::uint64_t>(XML_GetCurrentByteIndex(parser_));
    const Frame frame = frames_.back();
    frames_.pop_back();
    if (frame == Frame::event) end_event();
    else if (frame == Frame::trace) end_trace();
  }

  // A direct attribute of an event, trace or global: kept when its key is
  // one the reading needs; every other attribute (and any nested
  // meta-attribute) is ignored, as the spec says.
  void take_attribute(Frame parent, const XML_Char** atts) {
    const XML_Char* key = attribute(atts, "key");
    const XML_Char* value = attribute(atts, "value");
    if (!key || !value) return;
    // Every event default, for classifier keys not known yet (globals come
    // before the classifiers in XES).
    if (parent == Frame::global_event) global_event_defaults_[key] = value;
    const bool for_events = parent == Frame::event || parent == Frame::global_event;
    const std::vector<std::string>& keys = for_events ? event_keys_ : trace_keys_;
    Values& into = parent == Frame::event          ? event_values_
                   : parent == Frame::trace        ? trace_values_
                   : parent == Frame::global_event ? event_defaults_
                                                   : trace_defaults_;
    for (std::size_t k = 0; k < keys.size(); ++k) {
      if (keys[k] == key) {
        into.value[k].assign(value);
        into.present[k] = true;
      }
    }
  }

  void begin_trace() {
    if (!classifier_resolved_) resolve_classifier();
    trace_values_.clear();
    case_ = LogCase{};
    case_.line = static_cast<std::uint32_t>(line());
    trace_column_ = column();
  }

  void begin_event() {
    event_values_.clear();
    event_line_ = line();
    event_column_ = column();
  }

  // The option `classifier` names one the log declares; its keys' values,
  // joined by '+' as ProM and PM4Py join them, are the activity.
  void resolve_classifier() {
    classifier_resolved_ = true;
    if (options_.classifier.empty()) return;
    std::string known;
    for (const auto& [name, keys] : classifiers_) {
      if (name == options_.classifier) {
        activity_keys_.clear();
        for (const std::string& key : keys) {
          std::size_t k = 0;
          while (k < event_keys_.size() && event_keys_[k] != key) ++k;
          if (k == event_keys_.size()) event_keys_.push_back(key);
          activity_keys_.push_back(k);
        }
        Values defaults(event_keys_.size());
        for (std::size_t k = 0; k < event_keys_.size(); ++k) {
          const auto d = global_event_defaults_.find(event_keys_[k]);
          if (d == global_event_defaults_.end()) continue;
          defaults.value[k] = d->second;
          defaults.present[k] = true;
        }
        event_defaults_ = std::move(defaults);
        event_values_ = Values(event_keys_.size());
        return;
      }
      known += (known.empty() ? "" : ", ") + shown_text(name);
    }
    refusals_.refuse(LoadError::Kind::invalid, line(), column(),
                     "the log declares no classifier " + shown_text(options_.classifier) +
                         (known.empty() ? std::string(" (it declares none)") : " (it declares " + known + ")"));
  }

  void end_event() {
    LogEvent event;
    event.line = static_cast<std::uint32_t>(event_line_);
    for (std::size_t i = 0; i < activity_keys_.size(); ++i) {
      const std::string* part = event_values_.get(activity_keys_[i], event_defaults_);
      if (!part) {
        return refusals_.skip("no activity", event_line_, event_column_,
                              "the event has no " + shown_text(event_keys_[activity_keys_[i]]) +
                                  " (its activity)");
      }
      if (i > 0) event.activity += '+';
      event.activity += *part;
    }
    const std::string* time = event_values_.get(time_key, event_defaults_);
    if (!time) {
      return refusals_.skip("no timestamp", event_line_, event_column_, "the event has no time:timestamp");
    }
    const std::optional<std::int64_t> ms = times_.read(*time);
    if (!ms) {
      return refusals_.skip("unreadable timestamp", event_line_, event_column_,
                            "the time:timestamp " + shown_text(*time) +
                                " is no xs:dateTime such as \"2026-03-29T09:30:00+02:00\" (years 1 to 9999)");
    }
    event.time_ms = *ms;
    if (const std::string* t = event_values_.get(lifecycle_key, event_defaults_)) event.lifecycle = lifecycle_of(*t);
    if (const std::string* r = event_values_.get(resource_key, event_defaults_)) event.resource = *r;
    if (const std::string* g = event_values_.get(group_key, event_defaults_)) event.team = *g;
    case_.events.push_back(std::move(event));
  }

  void end_trace() {
    const std::uint64_t events = case_.events.size();
    const std::string* id = trace_values_.get(case_id_key, trace_defaults_);
    if (!id || id->empty()) {
      return refusals_.skip("case without id", static_cast<int>(case_.line), trace_column_,
                            "the trace has no concept:name (its case id)", events);
    }
    if (!case_ids_.insert(id_hash(*id)).second)
      return refusals_.skip("duplicate case id", static_cast<int>(case_.line), trace_column_,
                            "a second trace with the case id " + shown_text(*id) +
                                " (each case must be one trace)",
                            events);
    case_.id = *id;
    if (const std::string* type = trace_values_.get(case_type_key, trace_defaults_)) case_.case_type = *type;
    if (const std::string* closed = trace_values_.get(closed_key, trace_defaults_)) case_.closed = is_true(*closed);
    order_events(case_);
    ++stats_.cases;
    stats_.events += events;
    sink_(std::move(case_));
  }

  const LogReadOptions& options_;
  const CaseSink& sink_;
  LogReadStats& stats_;
  Refusals refusals_;
  TimestampReader times_;
  XML_Parser parser_ = nullptr;
  std::exception_ptr failure_;
  std::uint64_t last_element_byte_ = 0;
  bool seen_log_ = false;

  std::vector<Frame> frames_;
  std::vector<std::string> event_keys_, trace_keys_;
  std::vector<std::size_t> activity_keys_{activity_key};
  std::vector<std::pair<std::string, std::vector<std::string>>> classifiers_;
  bool classifier_resolved_ = false;
  Values event_values_, event_defaults_, trace_values_, trace_defaults_;
  std::map<std::string, std::string> global_event_defaults_;

  LogCase case_;
  int trace_column_ = 0, event_line_ = 0, event_column_ = 0;
  // Hashes, not the ids: memory per case read stays 8 bytes and a few (a
  // false "duplicate" needs two of 2^64 values to meet).
  std::unordered_set<std::uint64_t> case_ids_;
};

}  // namespace

void read_xes(ByteSource& source, std::string_view file, const LogReadOptions& options, const CaseSink& sink,
              LogReadStats& stats) {
  XesReader(file, options, sink, stats).run(source);
}

}  // namespace baton::detail
