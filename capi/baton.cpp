// The C ABI over the C++ core. Every entry point runs inside guard(), so no
// exception crosses into the host and every failure leaves a last error.
#include "baton.h"

#include <baton/check.hpp>
#include <baton/json.hpp>
#include <baton/load.hpp>
#include <baton/output.hpp>
#include <baton/version.hpp>
#include <baton/walk.hpp>

#include <gsl/narrow>

#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <string_view>

struct baton_workflow {
  std::shared_ptr<const baton::Workflow> workflow;
};

struct baton_report {
  baton::Report report;
};

namespace {

struct LastError {
  std::string message, pointer;
  int line = 0, column = 0;
};
thread_local LastError last_error;

// Keeps the strings' capacity, so the common path of every call never
// allocates and the fallback below cannot throw.
void clear_error() noexcept {
  last_error.message.clear();
  last_error.pointer.clear();
  last_error.line = last_error.column = 0;
}

baton_status set_error(baton_status status, std::string_view message, std::string_view pointer = {}, int line = 0,
                       int column = 0) noexcept {
  clear_error();
  try {
    last_error.message.assign(message);
    last_error.pointer.assign(pointer);
  } catch (...) {
    clear_error();
    last_error.message.assign("out of memory");  // fits the small-string buffer
    return BATON_E_NOMEM;
  }
  last_error.line = line;
  last_error.column = column;
  return status;
}

// A failure the ABI itself detects (a NULL or out-of-range argument, an
// unknown id): thrown inside guard() and turned into its status there.
struct ApiError {
  baton_status status;
  std::string message;
};

[[noreturn]] void fail(baton_status status, std::string message) { throw ApiError{status, std::move(message)}; }

// The exception in flight as a status and a last error.
baton_status current_error() noexcept {
  try {
    throw;
  } catch (const ApiError& e) {
    return set_error(e.status, e.message);
  } catch (const baton::LoadError& e) {
    const baton_status status = e.kind() == baton::LoadError::Kind::io      ? BATON_E_IO
                                : e.kind() == baton::LoadError::Kind::parse ? BATON_E_PARSE
                                                                            : BATON_E_INVALID;
    return set_error(status, e.message(), e.pointer(), e.line(), e.column());
  } catch (const std::bad_alloc&) {
    return set_error(BATON_E_NOMEM, "out of memory");
  } catch (const std::exception& e) {
    return set_error(BATON_E_INTERNAL, std::string("internal error: ") + e.what());
  } catch (...) {
    return set_error(BATON_E_INTERNAL, "internal error");
  }
}

// Runs one entry point: the last error is cleared first, and on any failure
// the call returns `failed` (for status functions, the failure's status).
template <class F>
baton_status guard(F&& f) noexcept {
  try {
    clear_error();
    return f();
  } catch (...) {
    return current_error();
  }
}

template <class R, class F>
R guard(R failed, F&& f) noexcept {
  try {
    clear_error();
    return f();
  } catch (...) {
    current_error();
    return failed;
  }
}

// An accessor returning a string or a count: NULL or 0 on failure.
template <class F>
const char* text(F&& f) noexcept {
  return guard<const char*>(nullptr, [&] { return f().c_str(); });
}
template <class F>
size_t count(F&& f) noexcept {
  return guard<size_t>(0, [&] { return f().size(); });
}

template <class T>
const T* need(const T* argument, const char* name) {
  if (!argument) fail(BATON_E_INVALID_ARGUMENT, std::string(name) + " must not be NULL");
  return argument;
}

// Checks an out-parameter and sets it to NULL, so it is NULL on every failure.
template <class T>
T*& out_param(T** out) {
  if (!out) fail(BATON_E_INVALID_ARGUMENT, "out must not be NULL");
  *out = nullptr;
  return *out;
}

template <class Items>
const auto& at(const Items& items, size_t i, const char* what) {
  if (i >= items.size())
    fail(BATON_E_INVALID_ARGUMENT, std::string(what) + " index " + std::to_string(i) + " is out of range (there are " +
                                       std::to_string(items.size()) + ")");
  return items[i];
}

const baton::Workflow& workflow(const baton_workflow* wf) { return *need(wf, "wf")->workflow; }

const baton::Finding& finding(const baton_report* report, size_t i) {
  return at(need(report, "report")->report.findings, i, "finding");
}

size_t severity_count(const baton_report* report, baton::Severity severity) noexcept {
  return guard<size_t>(0, [&] { return need(report, "report")->report.count(severity); });
}

// Copies a string into malloc'd memory the caller frees with baton_string_free.
baton_status hand_out(const std::string& s, char** out, size_t* length) {
  char* copy = static_cast<char*>(std::malloc(s.size() + 1));
  if (!copy) throw std::bad_alloc();
  std::memcpy(copy, s.data(), s.size() + 1);
  *out = copy;
  if (length) *length = s.size();
  return BATON_OK;
}

baton::CheckOptions check_options(const baton_check_options* opts) {
  baton::CheckOptions o;
  if (!opts) return o;
  if (opts->version == 0 || opts->version > BATON_CHECK_OPTIONS_VERSION)
    fail(BATON_E_INVALID_ARGUMENT, "baton_check_options.version is " + std::to_string(opts->version) +
                                       ", this library knows versions 1 to " +
                                       std::to_string(BATON_CHECK_OPTIONS_VERSION) +
                                       " (start from BATON_CHECK_OPTIONS_INIT)");
  // Every field below is in version 1; a field added later is read only when
  // opts->version says the caller's struct has it.
  const auto option = [](const char* name, auto parse) {
    try {
      return parse();
    } catch (const baton::OptionError& e) {
      fail(BATON_E_INVALID_ARGUMENT, std::string("baton_check_options.") + name + ": " + e.what());
    }
  };
  if (opts->only) o.only = option("only", [&] { return baton::parse_rule_list(opts->only); });
  if (opts->disable) o.disable = option("disable", [&] { return baton::parse_rule_list(opts->disable); });
  if (opts->severity) o.severity = option("severity", [&] { return baton::parse_severity_list(opts->severity); });
  if (opts->today) {
    o.today = baton::Date::parse(opts->today);
    if (!o.today) fail(BATON_E_INVALID_ARGUMENT, "baton_check_options.today is not a date of the form YYYY-MM-DD");
  }
  o.state_limit = gsl::narrow<std::uint64_t>(opts->state_limit);
  if (opts->version >= 2) o.memory_limit = gsl::narrow<std::uint64_t>(opts->memory_limit);
  return o;
}

baton::WalkFormat walk_format(const char* format) {
  const std::string_view f = format ? format : "markdown";
  if (f == "markdown") return baton::WalkFormat::markdown;
  if (f == "json") return baton::WalkFormat::json;
  fail(BATON_E_INVALID_ARGUMENT, "format must be \"markdown\" or \"json\"");
}

}  // namespace

extern "C" {

const char* baton_version(void) { return BATON_VERSION_STRING; }
int baton_abi_version(void) { return BATON_ABI_NUMBER; }

const char* baton_last_error_message(void) { return last_error.message.c_str(); }
const char* baton_last_error_pointer(void) { return last_error.pointer.c_str(); }
int baton_last_error_line(void) { return last_error.line; }
int baton_last_error_column(void) { return last_error.column; }

baton_status baton_workflow_from_file(const char* path, baton_workflow** out) {
  return guard([&] {
    baton_workflow*& result = out_param(out);
    result = new baton_workflow{baton::load_workflow_file(need(path, "path"))};
    return BATON_OK;
  });
}

baton_status baton_workflow_from_json(const char* json, size_t length, baton_workflow** out) {
  return guard([&] {
    baton_workflow*& result = out_param(out);
    result = new baton_workflow{baton::load_workflow(std::string_view(need(json, "json"), length))};
    return BATON_OK;
  });
}

baton_status baton_workflow_from_memory(const char* data, size_t length, const char* format, baton_workflow** out) {
  return guard([&] {
    baton_workflow*& result = out_param(out);
    const std::string_view f = format ? format : "";
    baton::WorkflowFormat which = baton::WorkflowFormat::automatic;
    if (f == "json") which = baton::WorkflowFormat::json;
    else if (f == "bpmn") which = baton::WorkflowFormat::bpmn;
    else if (!f.empty()) fail(BATON_E_INVALID_ARGUMENT, "format must be \"json\", \"bpmn\", \"\" or NULL");
    result = new baton_workflow{baton::load_workflow(std::string_view(need(data, "data"), length), {}, which).workflow};
    return BATON_OK;
  });
}

baton_status baton_workflow_to_json(const baton_workflow* wf, char** out, size_t* length) {
  return guard([&] {
    out_param(out);
    return hand_out(baton::to_json(workflow(wf)), out, length);
  });
}

void baton_workflow_free(baton_workflow* wf) { delete wf; }

const char* baton_workflow_id(const baton_workflow* wf) {
  return text([&]() -> auto& { return workflow(wf).id(); });
}
const char* baton_workflow_name(const baton_workflow* wf) {
  return text([&]() -> auto& { return workflow(wf).name(); });
}

size_t baton_workflow_step_count(const baton_workflow* wf) {
  return count([&] { return workflow(wf).steps(); });
}
const char* baton_workflow_step_id(const baton_workflow* wf, size_t i) {
  return text([&]() -> auto& { return at(workflow(wf).steps(), i, "step").id; });
}
const char* baton_workflow_step_name(const baton_workflow* wf, size_t i) {
  return text([&]() -> auto& { return at(workflow(wf).steps(), i, "step").name; });
}
size_t baton_workflow_team_count(const baton_workflow* wf) {
  return count([&] { return workflow(wf).teams(); });
}
const char* baton_workflow_team_id(const baton_workflow* wf, size_t i) {
  return text([&]() -> auto& { return at(workflow(wf).teams(), i, "team").id; });
}
const char* baton_workflow_team_name(const baton_workflow* wf, size_t i) {
  return text([&]() -> auto& { return at(workflow(wf).teams(), i, "team").name; });
}
size_t baton_workflow_case_type_count(const baton_workflow* wf) {
  return count([&] { return workflow(wf).case_types(); });
}
const char* baton_workflow_case_type_id(const baton_workflow* wf, size_t i) {
  return text([&]() -> auto& { return at(workflow(wf).case_types(), i, "case type").id; });
}
const char* baton_workflow_case_type_name(const baton_workflow* wf, size_t i) {
  return text([&]() -> auto& { return at(workflow(wf).case_types(), i, "case type").name; });
}

baton_status baton_check(const baton_workflow* wf, const baton_check_options* opts, baton_report** out) {
  return guard([&] {
    baton_report*& result = out_param(out);
    const baton::Workflow& w = workflow(wf);
    baton::Report report = baton::run_checks(w, check_options(opts));
    if (!report.memory_reached.empty())
      fail(BATON_E_LIMIT, "the memory budget of " + std::to_string(opts->memory_limit) +
                              " bytes was reached; these checks are incomplete: " + report.memory_reached);
    result = new baton_report{std::move(report)};
    return BATON_OK;
  });
}

void baton_report_free(baton_report* report) { delete report; }

const char* baton_report_workflow(const baton_report* report) {
  return text([&]() -> auto& { return need(report, "report")->report.workflow; });
}

size_t baton_report_count(const baton_report* report) {
  return count([&]() -> auto& { return need(report, "report")->report.findings; });
}

size_t baton_report_error_count(const baton_report* report) { return severity_count(report, baton::Severity::error); }
size_t baton_report_warning_count(const baton_report* report) {
  return severity_count(report, baton::Severity::warning);
}
size_t baton_report_info_count(const baton_report* report) { return severity_count(report, baton::Severity::info); }

const char* baton_report_rule(const baton_report* report, size_t i) {
  return text([&]() -> auto& { return finding(report, i).rule; });
}
const char* baton_report_severity(const baton_report* report, size_t i) {
  // to_string(Severity) returns views of string literals, so data() ends in NUL.
  return guard<const char*>(nullptr, [&] { return baton::to_string(finding(report, i).severity).data(); });
}
const char* baton_report_message(const baton_report* report, size_t i) {
  return text([&]() -> auto& { return finding(report, i).message; });
}
const char* baton_report_pointer(const baton_report* report, size_t i) {
  return text([&]() -> auto& { return finding(report, i).pointer; });
}
const char* baton_report_requirement(const baton_report* report, size_t i) {
  return text([&]() -> auto& { return finding(report, i).requirement; });
}
const char* baton_report_case_type(const baton_report* report, size_t i) {
  return text([&]() -> auto& { return finding(report, i).case_type; });
}

size_t baton_report_step_count(const baton_report* report, size_t i) {
  return count([&]() -> auto& { return finding(report, i).steps; });
}
const char* baton_report_step(const baton_report* report, size_t i, size_t j) {
  return text([&]() -> auto& { return at(finding(report, i).steps, j, "step"); });
}
size_t baton_report_transition_count(const baton_report* report, size_t i) {
  return count([&]() -> auto& { return finding(report, i).transitions; });
}
const char* baton_report_transition_from(const baton_report* report, size_t i, size_t j) {
  return text([&]() -> auto& { return at(finding(report, i).transitions, j, "transition").first; });
}
const char* baton_report_transition_to(const baton_report* report, size_t i, size_t j) {
  return text([&]() -> auto& { return at(finding(report, i).transitions, j, "transition").second; });
}
size_t baton_report_witness_count(const baton_report* report, size_t i) {
  return count([&]() -> auto& { return finding(report, i).witness; });
}
const char* baton_report_witness(const baton_report* report, size_t i, size_t j) {
  return text([&]() -> auto& { return at(finding(report, i).witness, j, "witness step"); });
}

baton_status baton_report_to_json(const baton_report* report, char** out, size_t* length) {
  return guard([&] {
    out_param(out);
    return hand_out(baton::report_to_json(need(report, "report")->report), out, length);
  });
}

baton_status baton_walk(const baton_workflow* wf, const char* case_type, const char* format, char** out,
                        size_t* length) {
  return guard([&] {
    out_param(out);
    const baton::Workflow& w = workflow(wf);
    const baton::WalkFormat f = walk_format(format);
    const baton::CaseType* ct = nullptr;
    if (case_type) {
      const auto i = w.find_case_type(case_type);
      if (!i) fail(BATON_E_NOT_FOUND, "workflow \"" + w.id() + "\" has no case type \"" + case_type + "\"");
      ct = &w.case_types()[*i];
    }
    return hand_out(baton::walk(w, ct, f), out, length);
  });
}

void baton_string_free(char* s) { std::free(s); }

}  // extern "C"
