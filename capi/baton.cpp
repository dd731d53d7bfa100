// The C ABI over the C++ core. Every entry point runs inside guard(), so no
// exception crosses into the host and every failure leaves a last error.
#include "baton.h"

#include <baton/bpmn.hpp>
#include <baton/check.hpp>
#include <baton/conformance_report.hpp>
#include <baton/log_conformance.hpp>
#include <baton/event_log.hpp>
#include <baton/diff.hpp>
#include <baton/followup.hpp>
#include <baton/handbook.hpp>
#include <baton/impact.hpp>
#include <baton/json.hpp>
#include <baton/load.hpp>
#include <baton/output.hpp>
#include <baton/version.hpp>
#include <baton/walk.hpp>

#include <gsl/narrow>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

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

// ---- Texts for people (handbook)

baton::Lang lang_of(const char* lang, const char* what) {
  auto l = baton::parse_lang(lang);
  if (!l) fail(BATON_E_INVALID_ARGUMENT, std::string(what) + " must be \"da\" or \"en\"");
  return *l;
}

baton::Lang lang_or(const char* lang, const baton::Workflow& w) {
  return lang ? lang_of(lang, "lang") : baton::language_of(w);
}

baton::TextForm text_form(const char* format) {
  auto f = baton::parse_text_form(format ? format : "text");
  if (!f) fail(BATON_E_INVALID_ARGUMENT, "format must be \"text\", \"markdown\" or \"json\"");
  return *f;
}

baton::Date date_or_today(const char* today) {
  if (!today) return baton::Date::today();
  auto d = baton::Date::parse(today);
  if (!d) fail(BATON_E_INVALID_ARGUMENT, "today is not a date of the form YYYY-MM-DD");
  return *d;
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
  // ---- Version 2 (handbook): lang.
  if (opts->version >= 2 && opts->lang) o.lang = lang_of(opts->lang, "baton_check_options.lang");
  // ---- Version 3 (issue 12): memory_limit.
  if (opts->version >= 3) o.memory_limit = gsl::narrow<std::uint64_t>(opts->memory_limit);
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
    else if (f == "pnml") which = baton::WorkflowFormat::pnml;
    else if (!f.empty()) fail(BATON_E_INVALID_ARGUMENT, "format must be \"json\", \"bpmn\", \"pnml\", \"\" or NULL");
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

baton_status baton_workflow_to_bpmn(const baton_workflow* wf, char** out, size_t* length) {
  return guard([&] {
    out_param(out);
    try {
      return hand_out(baton::to_bpmn(workflow(wf)), out, length);
    } catch (const baton::BpmnWriteError& e) {
      return set_error(BATON_E_INVALID, e.what());
    }
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

// ---- Texts for people (handbook)

baton_status baton_follow_up_agenda(const baton_workflow* wf, const char* today, const char* format, const char* lang,
                                    char** out, size_t* length) {
  return guard([&] {
    out_param(out);
    const baton::Workflow& w = workflow(wf);
    return hand_out(baton::write_follow_up_agenda(w, date_or_today(today), lang_or(lang, w), text_form(format)), out,
                    length);
  });
}

baton_status baton_diff(const baton_workflow* old_wf, const baton_workflow* new_wf, const char* team,
                        const char* today, const char* format, const char* lang, char** out, size_t* length) {
  return guard([&] {
    out_param(out);
    const baton::Workflow &a = workflow(old_wf), &b = workflow(new_wf);
    baton::DiffOptions options;
    options.lang = lang_or(lang, b);
    if (team) options.team = team;
    options.checks.today = date_or_today(today);
    const baton::TextForm form = text_form(format);
    std::optional<baton::WorkflowDiff> d;
    try {
      d = baton::diff_workflows(a, b, options);
    } catch (const std::invalid_argument& e) {
      fail(BATON_E_NOT_FOUND, e.what());
    }
    return hand_out(baton::write_diff(*d, *options.lang, form), out, length);
  });
}

baton_status baton_impact(const baton_workflow* wf, const char* of, const char* named, const char* format,
                          const char* lang, char** out, size_t* length) {
  return guard([&] {
    out_param(out);
    const baton::Workflow& w = workflow(wf);
    const auto subject = baton::parse_impact_of(of ? of : "");
    if (!subject) fail(BATON_E_INVALID_ARGUMENT, "of must be \"source\", \"requirement\", \"team\", \"system\", \"template\" or \"artifact\"");
    if (!named) fail(BATON_E_INVALID_ARGUMENT, "named is NULL");
    const baton::TextForm form = text_form(format);
    const baton::Lang l = lang_or(lang, w);
    std::optional<baton::Impact> impact;
    try {
      impact = baton::impact_of(w, *subject, named);
    } catch (const std::invalid_argument& e) {
      fail(BATON_E_NOT_FOUND, e.what());
    }
    return hand_out(baton::write_impact(w, *impact, l, form), out, length);
  });
}

baton_status baton_doc(const baton_workflow* wf, const baton_workflow* old_wf, const char* folder, const char* today,
                       const char* format, const char* lang) {
  return guard([&] {
    const baton::Workflow& w = workflow(wf);
    if (!folder) fail(BATON_E_INVALID_ARGUMENT, "folder is NULL");
    baton::HandbookOptions options;
    const std::string_view f = format ? format : "html";
    if (f != "html" && f != "markdown") fail(BATON_E_INVALID_ARGUMENT, "format must be \"html\" or \"markdown\"");
    options.form = f == "html" ? baton::HandbookForm::html : baton::HandbookForm::markdown;
    options.lang = lang_or(lang, w);
    options.checks.today = date_or_today(today);
    if (old_wf) options.old = &workflow(old_wf);
    try {
      baton::write_handbook(w, folder, options);
    } catch (const std::runtime_error& e) {
      fail(BATON_E_IO, e.what());
    }
    return BATON_OK;
  });
}

void baton_string_free(char* s) { std::free(s); }

}  // extern "C"

// --- event logs -----------------------------------------------------------------

struct baton_log {
  baton::EventLog log;
  std::vector<std::pair<std::string, unsigned long long>> skipped;  // sorted by reason, for access by index
};

namespace {

baton::LogReadOptions log_options(const baton_log_options* opts) {
  baton::LogReadOptions o;
  if (!opts) return o;
  if (opts->version == 0 || opts->version > BATON_LOG_OPTIONS_VERSION)
    fail(BATON_E_INVALID_ARGUMENT, "baton_log_options.version is " + std::to_string(opts->version) +
                                       ", this library knows versions 1 to " +
                                       std::to_string(BATON_LOG_OPTIONS_VERSION) +
                                       " (start from BATON_LOG_OPTIONS_INIT)");
  // Every field below is in version 1.
  o.lenient = opts->lenient != 0;
  if (opts->separator && opts->separator[0] != '\0') {
    if (opts->separator[1] != '\0')
      fail(BATON_E_INVALID_ARGUMENT, "baton_log_options.separator must be one character");
    o.separator = opts->separator[0];
  }
  const auto set = [](std::string& into, const char* value) {
    if (value) into = value;
  };
  set(o.case_column, opts->case_column);
  set(o.activity_column, opts->activity_column);
  set(o.timestamp_column, opts->timestamp_column);
  set(o.lifecycle_column, opts->lifecycle_column);
  set(o.resource_column, opts->resource_column);
  set(o.team_column, opts->team_column);
  set(o.case_type_attribute, opts->case_type_attribute);
  set(o.time_zone, opts->time_zone);
  set(o.classifier, opts->classifier);
  return o;
}

baton_log* new_log(baton::EventLog log) {
  auto* handle = new baton_log{std::move(log), {}};
  for (const auto& [reason, n] : handle->log.stats.skipped) handle->skipped.emplace_back(reason, n);
  return handle;
}

const baton::LogCase& log_case(const baton_log* log, size_t i) { return at(need(log, "log")->log.cases, i, "case"); }

const baton::LogEvent& log_event(const baton_log* log, size_t i, size_t j) {
  return at(log_case(log, i).events, j, "event");
}

}  // namespace

extern "C" {

baton_status baton_log_from_file(const char* path, const baton_log_options* opts, baton_log** out) {
  return guard([&] {
    baton_log*& result = out_param(out);
    const baton::LogReadOptions o = log_options(opts);
    result = new_log(baton::load_log_file(need(path, "path"), o));
    return BATON_OK;
  });
}

baton_status baton_log_from_memory(const char* data, size_t length, const char* format,
                                   const baton_log_options* opts, baton_log** out) {
  return guard([&] {
    baton_log*& result = out_param(out);
    baton::LogReadOptions o = log_options(opts);
    const std::string_view f = format ? format : "";
    if (f == "xes") o.format = baton::LogFormat::xes;
    else if (f == "csv") o.format = baton::LogFormat::csv;
    else if (!f.empty()) fail(BATON_E_INVALID_ARGUMENT, "format must be \"xes\", \"csv\", \"\" or NULL");
    result = new_log(baton::load_log(std::string_view(need(data, "data"), length), {}, o));
    return BATON_OK;
  });
}

void baton_log_free(baton_log* log) { delete log; }

size_t baton_log_case_count(const baton_log* log) {
  return count([&]() -> auto& { return need(log, "log")->log.cases; });
}
size_t baton_log_total_event_count(const baton_log* log) {
  return guard<size_t>(0, [&] { return gsl::narrow<size_t>(need(log, "log")->log.stats.events); });
}
const char* baton_log_case_id(const baton_log* log, size_t i) {
  return text([&]() -> auto& { return log_case(log, i).id; });
}
const char* baton_log_case_type(const baton_log* log, size_t i) {
  return text([&]() -> auto& { return log_case(log, i).case_type; });
}
int baton_log_case_closed(const baton_log* log, size_t i) {
  return guard<int>(0, [&] { return log_case(log, i).closed ? 1 : 0; });
}
size_t baton_log_event_count(const baton_log* log, size_t i) {
  return count([&]() -> auto& { return log_case(log, i).events; });
}
const char* baton_log_event_activity(const baton_log* log, size_t i, size_t j) {
  return text([&]() -> auto& { return log_event(log, i, j).activity; });
}
long long baton_log_event_time(const baton_log* log, size_t i, size_t j) {
  return guard<long long>(0, [&] { return static_cast<long long>(log_event(log, i, j).time_ms); });
}
const char* baton_log_event_lifecycle(const baton_log* log, size_t i, size_t j) {
  return guard<const char*>(nullptr, [&] {
    switch (log_event(log, i, j).lifecycle) {
      case baton::Lifecycle::complete: return "complete";
      case baton::Lifecycle::start: return "start";
      case baton::Lifecycle::other: break;
    }
    return "other";
  });
}
const char* baton_log_event_resource(const baton_log* log, size_t i, size_t j) {
  return text([&]() -> auto& { return log_event(log, i, j).resource; });
}
const char* baton_log_event_team(const baton_log* log, size_t i, size_t j) {
  return text([&]() -> auto& { return log_event(log, i, j).team; });
}
size_t baton_log_skipped_reason_count(const baton_log* log) {
  return count([&]() -> auto& { return need(log, "log")->skipped; });
}
const char* baton_log_skipped_reason(const baton_log* log, size_t k) {
  return text([&]() -> auto& { return at(need(log, "log")->skipped, k, "skipped reason").first; });
}
unsigned long long baton_log_skipped_count(const baton_log* log, size_t k) {
  return guard<unsigned long long>(0, [&] { return at(need(log, "log")->skipped, k, "skipped reason").second; });
}

}  // extern "C"

// --- conformance ---------------------------------------------------------------

// Strings copied out of the run, so the result outlives the workflow and
// the log; the reports written once, as the command writes them.
struct baton_conformance {
  struct Deviation {
    std::string kind, step, requirement, message;
  };
  struct Case {
    std::string id, case_type, status;
    bool open = false;
    long long cost = -1;
    double fitness = -1;
    std::vector<Deviation> deviations;
  };
  std::vector<Case> cases;
  double fitness = 1;
  std::string json, text, csv;
};

namespace {

struct ConformSettings {
  baton::ConformOptions conform;
  baton::RunOptions run;
};

ConformSettings conform_options(const baton_conform_options* opts) {
  ConformSettings o;
  o.conform.today = baton::Date::today();
  if (!opts) return o;
  if (opts->version == 0 || opts->version > BATON_CONFORM_OPTIONS_VERSION)
    fail(BATON_E_INVALID_ARGUMENT, "baton_conform_options.version is " + std::to_string(opts->version) +
                                       ", this library knows versions 1 to " +
                                       std::to_string(BATON_CONFORM_OPTIONS_VERSION) +
                                       " (start from BATON_CONFORM_OPTIONS_INIT)");
  // Every field below is in version 1.
  if (opts->today) {
    o.conform.today = baton::Date::parse(opts->today);
    if (!o.conform.today) fail(BATON_E_INVALID_ARGUMENT, "baton_conform_options.today is not a date of the form YYYY-MM-DD");
  }
  if (opts->state_limit) o.conform.state_limit = gsl::narrow<std::uint64_t>(opts->state_limit);
  o.run.jobs = std::max(1U, std::min(opts->jobs, 256U));
  if (opts->pseudonymise_key) o.run.pseudonymise_key = std::string(opts->pseudonymise_key);
  return o;
}

const baton_conformance::Case& conformance_case(const baton_conformance* result, size_t i) {
  return at(need(result, "result")->cases, i, "case");
}

const baton_conformance::Deviation& conformance_deviation(const baton_conformance* result, size_t i, size_t j) {
  return at(conformance_case(result, i).deviations, j, "deviation");
}

}  // namespace

extern "C" {

baton_status baton_conform(const baton_workflow* wf, const baton_log* log, const baton_conform_options* opts,
                           baton_conformance** out) {
  return guard([&] {
    baton_conformance*& result = out_param(out);
    const baton::Workflow& w = workflow(wf);
    const baton::EventLog& events = need(log, "log")->log;
    const ConformSettings settings = conform_options(opts);
    auto made = std::make_unique<baton_conformance>();
    const baton::ConformanceModel model(w, settings.conform);
    const baton::ConformanceHeading heading = baton::heading_of(w, settings.conform, settings.run);
    std::ostringstream json, csv;
    baton::ConformanceReport json_report(json, baton::ReportFormat::json, w, heading);
    baton::ConformanceReport csv_report(csv, baton::ReportFormat::csv, w, heading);
    baton::ConformanceRun run(model, settings.run, [&](const baton::CaseResult& r) {
      json_report.add(r);
      csv_report.add(r);
      baton_conformance::Case c;
      c.id = r.id;
      c.case_type = r.case_type ? w.case_types()[*r.case_type].id : "";
      c.status = std::string(baton::to_string(r.status));
      c.open = r.open;
      if (r.status == baton::CaseStatus::aligned) {
        c.cost = gsl::narrow<long long>(r.alignment.cost);
        c.fitness = r.alignment.fitness;
      }
      for (const baton::Deviation& d : r.deviations)
        c.deviations.push_back({std::string(baton::to_string(d.kind)), d.step ? w.step(*d.step).id : "",
                                d.requirement ? w.requirements()[*d.requirement].id : "",
                                baton::deviation_message(w, r, d)});
      made->cases.push_back(std::move(c));
    });
    for (const baton::LogCase& c : events.cases) run.add(baton::LogCase(c));
    const baton::ConformanceSummary& summary = run.finish();
    json_report.finish(summary);
    csv_report.finish(summary);
    made->fitness = summary.fitness();
    made->json = json.str();
    made->csv = csv.str();
    made->text = baton::conformance_text(heading, summary);
    result = made.release();
    return BATON_OK;
  });
}

void baton_conformance_free(baton_conformance* result) { delete result; }

double baton_conformance_fitness(const baton_conformance* result) {
  return guard<double>(0, [&] { return need(result, "result")->fitness; });
}
size_t baton_conformance_case_count(const baton_conformance* result) {
  return count([&]() -> auto& { return need(result, "result")->cases; });
}
const char* baton_conformance_case_id(const baton_conformance* result, size_t i) {
  return text([&]() -> auto& { return conformance_case(result, i).id; });
}
const char* baton_conformance_case_type(const baton_conformance* result, size_t i) {
  return text([&]() -> auto& { return conformance_case(result, i).case_type; });
}
int baton_conformance_case_open(const baton_conformance* result, size_t i) {
  return guard<int>(0, [&] { return conformance_case(result, i).open ? 1 : 0; });
}
const char* baton_conformance_case_status(const baton_conformance* result, size_t i) {
  return text([&]() -> auto& { return conformance_case(result, i).status; });
}
long long baton_conformance_case_cost(const baton_conformance* result, size_t i) {
  return guard<long long>(-1, [&] { return conformance_case(result, i).cost; });
}
double baton_conformance_case_fitness(const baton_conformance* result, size_t i) {
  return guard<double>(-1, [&] { return conformance_case(result, i).fitness; });
}
size_t baton_conformance_deviation_count(const baton_conformance* result, size_t i) {
  return count([&]() -> auto& { return conformance_case(result, i).deviations; });
}
const char* baton_conformance_deviation_kind(const baton_conformance* result, size_t i, size_t j) {
  return text([&]() -> auto& { return conformance_deviation(result, i, j).kind; });
}
const char* baton_conformance_deviation_step(const baton_conformance* result, size_t i, size_t j) {
  return text([&]() -> auto& { return conformance_deviation(result, i, j).step; });
}
const char* baton_conformance_deviation_requirement(const baton_conformance* result, size_t i, size_t j) {
  return text([&]() -> auto& { return conformance_deviation(result, i, j).requirement; });
}
const char* baton_conformance_deviation_message(const baton_conformance* result, size_t i, size_t j) {
  return text([&]() -> auto& { return conformance_deviation(result, i, j).message; });
}

baton_status baton_conformance_write(const baton_conformance* result, const char* format, char** out,
                                     size_t* length) {
  return guard([&] {
    char*& text_out = out_param(out);
    const baton_conformance& r = *need(result, "result");
    const std::string_view f = format ? format : "json";
    const std::string* chosen = f == "json" ? &r.json : f == "text" ? &r.text : f == "csv" ? &r.csv : nullptr;
    if (!chosen) fail(BATON_E_INVALID_ARGUMENT, "format must be \"json\", \"text\" or \"csv\"");
    return hand_out(*chosen, &text_out, length);
  });
}

}  // extern "C"
