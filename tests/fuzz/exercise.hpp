// What every reader's fuzz target does with an input that loads (issue 12):
// write it back and load that again (the second write must equal the first
// byte for byte), run every check with a small state limit, walk every case
// type, and read every accessor, all through the C ABI. Anything wrong
// aborts, which libFuzzer reports as a crash.
#pragma once

#include "baton.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace baton::fuzz {

[[noreturn]] inline void broken(const char* what) {
  std::fprintf(stderr, "fuzz: %s (last error: %s)\n", what, baton_last_error_message());
  std::abort();
}

inline void require(bool ok, const char* what) {
  if (!ok) broken(what);
}

// A string the ABI handed out: NUL-terminated, and as long as it says.
inline std::string take(char* s, size_t length) {
  require(s != nullptr, "a successful call handed out NULL");
  require(std::strlen(s) == length, "a handed-out string's length disagrees with strlen");
  std::string out(s, length);
  baton_string_free(s);
  return out;
}

inline void read_text(const char* s) {
  require(s != nullptr, "an accessor in range returned NULL");
  (void)std::strlen(s);
}

inline void read_report(const baton_report* report) {
  read_text(baton_report_workflow(report));
  const size_t n = baton_report_count(report);
  require(baton_report_error_count(report) + baton_report_warning_count(report) + baton_report_info_count(report) == n,
          "the severity counts do not add up to the count");
  for (size_t i = 0; i < n; ++i) {
    read_text(baton_report_rule(report, i));
    read_text(baton_report_severity(report, i));
    read_text(baton_report_message(report, i));
    read_text(baton_report_pointer(report, i));
    read_text(baton_report_requirement(report, i));
    read_text(baton_report_case_type(report, i));
    for (size_t j = 0, m = baton_report_step_count(report, i); j < m; ++j) read_text(baton_report_step(report, i, j));
    for (size_t j = 0, m = baton_report_transition_count(report, i); j < m; ++j) {
      read_text(baton_report_transition_from(report, i, j));
      read_text(baton_report_transition_to(report, i, j));
    }
    for (size_t j = 0, m = baton_report_witness_count(report, i); j < m; ++j)
      read_text(baton_report_witness(report, i, j));
    require(baton_report_step(report, i, (size_t)-1) == nullptr, "an index out of range gave a string");
  }
  require(baton_report_rule(report, n) == nullptr, "an index out of range gave a string");
  char* json = nullptr;
  size_t length = 0;
  require(baton_report_to_json(report, &json, &length) == BATON_OK, "baton_report_to_json failed");
  take(json, length);
}

inline void read_workflow(const baton_workflow* wf) {
  read_text(baton_workflow_id(wf));
  read_text(baton_workflow_name(wf));
  for (size_t i = 0, n = baton_workflow_step_count(wf); i < n; ++i) {
    read_text(baton_workflow_step_id(wf, i));
    read_text(baton_workflow_step_name(wf, i));
  }
  for (size_t i = 0, n = baton_workflow_team_count(wf); i < n; ++i) {
    read_text(baton_workflow_team_id(wf, i));
    read_text(baton_workflow_team_name(wf, i));
  }
  for (size_t i = 0, n = baton_workflow_case_type_count(wf); i < n; ++i) {
    read_text(baton_workflow_case_type_id(wf, i));
    read_text(baton_workflow_case_type_name(wf, i));
  }
}

// The small state limit keeps each input fast; it still reaches the limit's
// own paths (analysis-limit) on inputs that need more.
inline constexpr unsigned long long fuzz_state_limit = 2000;

inline void exercise(const baton_workflow* wf) {
  read_workflow(wf);

  char* out = nullptr;
  size_t length = 0;
  require(baton_workflow_to_json(wf, &out, &length) == BATON_OK, "baton_workflow_to_json failed");
  const std::string first = take(out, length);
  baton_workflow* again = nullptr;
  require(baton_workflow_from_json(first.data(), first.size(), &again) == BATON_OK, "the written JSON does not load");
  require(baton_workflow_to_json(again, &out, &length) == BATON_OK, "baton_workflow_to_json failed the second time");
  require(take(out, length) == first, "writing the loaded write-back gives other bytes");
  baton_workflow_free(again);

  baton_check_options opts = BATON_CHECK_OPTIONS_INIT;
  opts.today = "2026-11-24";
  opts.state_limit = fuzz_state_limit;
  baton_report* report = nullptr;
  require(baton_check(wf, &opts, &report) == BATON_OK, "baton_check failed");
  read_report(report);
  baton_report_free(report);

  for (const char* format : {"markdown", "json"}) {
    require(baton_walk(wf, nullptr, format, &out, &length) == BATON_OK, "the walk of the whole workflow failed");
    take(out, length);
    for (size_t i = 0, n = baton_workflow_case_type_count(wf); i < n; ++i) {
      require(baton_walk(wf, baton_workflow_case_type_id(wf, i), format, &out, &length) == BATON_OK,
              "the walk of a case type failed");
      take(out, length);
    }
  }
}

// Reads `size` bytes with `read(bytes, size, &handle)` from an exact-size
// copy, so reading past the end is caught by AddressSanitizer. A failed read
// must leave no handle, a known status and a message. The handle, or null.
template <class Handle, class Read>
Handle* read_copy(const uint8_t* data, size_t size, Read read) {
  char* bytes = static_cast<char*>(std::malloc(size ? size : 1));
  if (size) std::memcpy(bytes, data, size);
  Handle* out = nullptr;
  const baton_status status = read(bytes, size, &out);
  std::free(bytes);
  if (status == BATON_OK) {
    require(out != nullptr, "a successful read gave no handle");
    return out;
  }
  require(out == nullptr, "a failed read left a handle");
  require(status == BATON_E_PARSE || status == BATON_E_INVALID || status == BATON_E_NOMEM,
          "a read failed with an unexpected status");
  require(*baton_last_error_message() != '\0', "a failed read left no message");
  return nullptr;
}

// A reader's target: load `size` bytes as `format`; what loads is exercised,
// what does not must say why.
inline int load_and_exercise(const uint8_t* data, size_t size, const char* format) {
  baton_workflow* wf = read_copy<baton_workflow>(data, size, [&](const char* bytes, size_t n, baton_workflow** out) {
    return baton_workflow_from_memory(bytes, n, format, out);
  });
  if (wf) {
    exercise(wf);
    baton_workflow_free(wf);
  }
  return 0;
}

// An event-log reader's target: read the log; when it reads, walk every
// accessor and conform it to a small fixed workflow (every kind of step and a
// response rule with a deadline), reading the result's accessors and JSON.
inline const baton_workflow* log_workflow() {
  static const baton_workflow* wf = [] {
    static const char json[] =
        R"({"baton":1,"id":"w","name":"w","teams":[{"id":"t","name":"T"},{"id":"u","name":"U"}],)"
        R"("steps":[{"id":"s","name":"S","kind":"start","team":"t","split":"xor"},)"
        R"({"id":"a","name":"A","team":"t","duration":"P2D"},{"id":"b","name":"B","team":"u","log_names":["bee"]},)"
        R"({"id":"e","name":"E","kind":"end","team":"u"}],)"
        R"("transitions":[{"from":"s","to":"a"},{"from":"s","to":"b"},{"from":"a","to":"b"},{"from":"b","to":"e"}],)"
        R"("requirements":[{"id":"r","text":"B within 10 days of A","rule":{"type":"response","first":"a",)"
        R"("then":"b","within":"P10D"}}]})";
    baton_workflow* out = nullptr;
    require(baton_workflow_from_memory(json, sizeof json - 1, "json", &out) == BATON_OK, "the log target's workflow");
    return out;
  }();
  return wf;
}

inline int read_log_and_exercise(const uint8_t* data, size_t size, const char* format) {
  baton_log* log = read_copy<baton_log>(data, size, [&](const char* bytes, size_t n, baton_log** out) {
    return baton_log_from_memory(bytes, n, format, nullptr, out);
  });
  if (!log) return 0;
  for (size_t i = 0, n = baton_log_case_count(log); i < n; ++i) {
    read_text(baton_log_case_id(log, i));
    read_text(baton_log_case_type(log, i));
    for (size_t j = 0, m = baton_log_event_count(log, i); j < m; ++j) {
      read_text(baton_log_event_activity(log, i, j));
      read_text(baton_log_event_lifecycle(log, i, j));
      read_text(baton_log_event_resource(log, i, j));
      read_text(baton_log_event_team(log, i, j));
    }
  }
  for (size_t k = 0, n = baton_log_skipped_reason_count(log); k < n; ++k) read_text(baton_log_skipped_reason(log, k));
  baton_conform_options opts = BATON_CONFORM_OPTIONS_INIT;
  opts.today = "2026-12-31";
  opts.state_limit = 20000;
  baton_conformance* result = nullptr;
  require(baton_conform(log_workflow(), log, &opts, &result) == BATON_OK || result == nullptr, "conform");
  if (result) {
    for (size_t i = 0, n = baton_conformance_case_count(result); i < n; ++i) {
      read_text(baton_conformance_case_id(result, i));
      read_text(baton_conformance_case_status(result, i));
      for (size_t j = 0, m = baton_conformance_deviation_count(result, i); j < m; ++j) {
        read_text(baton_conformance_deviation_kind(result, i, j));
        read_text(baton_conformance_deviation_message(result, i, j));
      }
    }
    for (const char* form : {"json", "text", "csv"}) {
      char* out = nullptr;
      size_t length = 0;
      require(baton_conformance_write(result, form, &out, &length) == BATON_OK, "baton_conformance_write failed");
      take(out, length);
    }
    baton_conformance_free(result);
  }
  baton_log_free(log);
  return 0;
}

}  // namespace baton::fuzz
