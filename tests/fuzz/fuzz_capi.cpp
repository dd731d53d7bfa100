// libFuzzer target: the C ABI's entry points with odd arguments (issue 12):
// NULL handles and out-pointers, zero and huge lengths, buffers without a
// terminator, options with invalid UTF-8, bad dates, unknown rules, formats
// and case types, and indices far out of range. Every call must return a
// status (or NULL / 0 with the last error set), never crash or abort.
#include "exercise.hpp"

#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>

#include <cstdint>
#include <string>
#include <vector>

namespace {

using baton::fuzz::require;

// A string from the input, or NULL.
struct Arg {
  std::string text;
  bool null = false;
  const char* get() const { return null ? nullptr : text.c_str(); }
};

Arg arg(FuzzedDataProvider& in) {
  Arg a;
  a.null = in.ConsumeBool();
  a.text = in.ConsumeRandomLengthString(64);
  return a;
}

// A workflow to read from: the input's own bytes when they load, else a
// small fixed one, so the calls below always have a handle to misuse.
constexpr char small_workflow[] = R"({"baton": 1, "id": "f", "name": "F",
  "teams": [{"id": "t", "name": "T"}],
  "requirements": [{"id": "r", "text": "R", "rule": {"type": "response", "first": "a", "then": "b", "within": "PT1H"}}],
  "steps": [{"id": "s", "name": "S", "kind": "start"}, {"id": "a", "name": "A", "team": "t", "duration": "PT2H"},
            {"id": "b", "name": "B", "duration": "PT1H"}, {"id": "e", "name": "E", "kind": "end"}],
  "transitions": [{"from": "s", "to": "a"}, {"from": "a", "to": "b"}, {"from": "b", "to": "e"}],
  "case_types": [{"id": "c", "name": "C"}]})";

void null_handles() {
  require(baton_workflow_from_json(nullptr, 0, nullptr) == BATON_E_INVALID_ARGUMENT, "NULL json and out");
  require(baton_workflow_to_json(nullptr, nullptr, nullptr) == BATON_E_INVALID_ARGUMENT, "NULL workflow");
  require(baton_workflow_id(nullptr) == nullptr && *baton_last_error_message() != '\0', "NULL workflow id");
  require(baton_workflow_step_count(nullptr) == 0, "NULL workflow count");
  require(baton_check(nullptr, nullptr, nullptr) == BATON_E_INVALID_ARGUMENT, "NULL check");
  require(baton_report_count(nullptr) == 0 && baton_report_rule(nullptr, 0) == nullptr, "NULL report");
  require(baton_report_to_json(nullptr, nullptr, nullptr) == BATON_E_INVALID_ARGUMENT, "NULL report to json");
  require(baton_walk(nullptr, nullptr, nullptr, nullptr, nullptr) == BATON_E_INVALID_ARGUMENT, "NULL walk");
  baton_workflow_free(nullptr);
  baton_report_free(nullptr);
  baton_string_free(nullptr);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  null_handles();

  // Loading: an exact-size buffer without a terminator, at an odd length.
  const std::vector<uint8_t> doc = in.ConsumeBytes<uint8_t>(in.ConsumeIntegralInRange<size_t>(0, 4096));
  std::vector<char> unterminated(doc.begin(), doc.end());
  baton_workflow* wf = nullptr;
  const Arg format = arg(in);
  const baton_status loaded =
      baton_workflow_from_memory(unterminated.data(), unterminated.size(), format.get(), &wf);
  require((loaded == BATON_OK) == (wf != nullptr), "the out-parameter disagrees with the status");
  if (!wf) require(baton_workflow_from_json(small_workflow, sizeof small_workflow - 1, &wf) == BATON_OK, "fixed");
  // NULL data with any length is refused before it is read.
  baton_workflow* none = nullptr;
  require(baton_workflow_from_json(nullptr, in.ConsumeIntegral<size_t>(), &none) == BATON_E_INVALID_ARGUMENT &&
              !none,
          "NULL data");
  require(baton_workflow_from_memory(unterminated.data(), 0, nullptr, &none) != BATON_OK && !none, "zero length");
  char* out = nullptr;
  size_t length = 0;
  // A path from the input, under a folder that does not exist (never a
  // device that would block or never end): any status, never a crash.
  require(baton_workflow_from_file(("/nonexistent-baton-fuzz/" + format.text).c_str(), &none) == BATON_E_IO, "path");
  baton_workflow_free(none);

  // Accessors far out of range.
  const size_t index = in.ConsumeBool() ? in.ConsumeIntegral<size_t>() : in.ConsumeIntegralInRange<size_t>(0, 8);
  if (index >= baton_workflow_step_count(wf)) require(baton_workflow_step_id(wf, index) == nullptr, "step index");
  if (index >= baton_workflow_team_count(wf)) require(baton_workflow_team_name(wf, index) == nullptr, "team index");
  if (index >= baton_workflow_case_type_count(wf))
    require(baton_workflow_case_type_id(wf, index) == nullptr, "case type index");

  // Check options from the input: any version, any bytes in the strings.
  baton_check_options opts = BATON_CHECK_OPTIONS_INIT;
  const Arg only = arg(in), disable = arg(in), severity = arg(in), today = arg(in);
  opts.version = in.ConsumeBool() ? in.ConsumeIntegral<unsigned>() : BATON_CHECK_OPTIONS_VERSION;
  opts.only = only.get();
  opts.disable = disable.get();
  opts.severity = severity.get();
  opts.today = today.get();
  opts.state_limit = in.ConsumeIntegralInRange<unsigned long long>(0, 5000);
  opts.memory_limit = in.ConsumeBool() ? 0 : in.ConsumeIntegral<unsigned long long>();
  baton_report* report = nullptr;
  const baton_status checked = baton_check(wf, in.ConsumeBool() ? nullptr : &opts, &report);
  require((checked == BATON_OK) == (report != nullptr), "the report disagrees with the status");
  if (report) {
    baton::fuzz::read_report(report);
    // At or past the count, without wrapping round to a valid index.
    const size_t count = baton_report_count(report);
    require(baton_report_message(report, count + std::min(index, SIZE_MAX - count)) == nullptr, "finding index");
    require(baton_report_witness(report, index, in.ConsumeIntegral<size_t>()) == nullptr ||
                index < baton_report_count(report),
            "witness index");
    baton_report_free(report);
  } else {
    require(checked == BATON_E_INVALID_ARGUMENT || checked == BATON_E_LIMIT, "check failed oddly");
  }

  // Walks with any case type and format.
  const Arg case_type = arg(in), walk_format = arg(in);
  const baton_status walked = baton_walk(wf, case_type.get(), walk_format.get(), &out, in.ConsumeBool() ? &length : nullptr);
  require((walked == BATON_OK) == (out != nullptr), "the walk's out disagrees with the status");
  baton_string_free(out);
  require(baton_workflow_to_json(wf, &out, nullptr) == BATON_OK, "to_json without a length");
  baton_string_free(out);

  baton_workflow_free(wf);
  return 0;
}
