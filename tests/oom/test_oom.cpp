// Out-of-memory injection (issue 12): the n-th allocation fails, for n = 1,
// 2, 3, ... over loading, checking, walking and writing the example
// workflows through the C ABI. Every call must succeed or return
// BATON_E_NOMEM with its out-parameter NULL; nothing may abort or throw
// across the boundary, and in the sanitizer build LeakSanitizer fails the
// test at exit on anything a failed call leaked. A successful check must
// not have turned the failure into an internal-error finding.
//
// To stay within about a minute, n runs through every value up to 300 and
// then grows by 3 % a step (an allocation is more like its neighbours than
// not); OOM_SECONDS caps the time per workflow (default 15).
#include "baton.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <vector>

namespace {
long long allocations = 0, fail_at = 0;  // 0: never fail
bool failed = false;

void* allocate(std::size_t size) {
  if (fail_at != 0 && ++allocations == fail_at) {
    failed = true;
    return nullptr;
  }
  return std::malloc(size ? size : 1);
}
}  // namespace

void* operator new(std::size_t size) {
  if (void* p = allocate(size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return operator new(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return allocate(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return allocate(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

namespace {

int failures = 0;

void expect(bool ok, const char* what, long long n, const char* file) {
  if (ok) return;
  ++failures;
  std::fprintf(stderr, "%s, allocation %lld failing: %s (last error: %s)\n", file, n, what,
               baton_last_error_message());
}

// A status from a call with one allocation failing: OK, or NOMEM.
bool fine(baton_status s) { return s == BATON_OK || s == BATON_E_NOMEM; }

// One pass over every entry point; returns whether it ran to the end.
bool pass(const std::string& path, long long n) {
  const char* file = path.c_str();
  baton_workflow* wf = nullptr;
  baton_status s = baton_workflow_from_file(file, &wf);
  expect(fine(s) && (s == BATON_OK) == (wf != nullptr), "baton_workflow_from_file", n, file);
  if (!wf) return false;
  bool complete = true;
  char* out = nullptr;
  size_t length = 0;
  s = baton_workflow_to_json(wf, &out, &length);
  expect(fine(s) && (s == BATON_OK) == (out != nullptr), "baton_workflow_to_json", n, file);
  if (out) {
    baton_workflow* again = nullptr;
    s = baton_workflow_from_json(out, length, &again);
    expect(fine(s), "baton_workflow_from_json", n, file);
    baton_workflow_free(again);
  }
  complete = complete && out;
  baton_string_free(out);

  baton_check_options opts = BATON_CHECK_OPTIONS_INIT;
  opts.today = "2026-11-24";
  baton_report* report = nullptr;
  s = baton_check(wf, &opts, &report);
  expect(fine(s) && (s == BATON_OK) == (report != nullptr), "baton_check", n, file);
  if (report) {
    for (size_t i = 0; i < baton_report_count(report); ++i)
      expect(std::strcmp(baton_report_rule(report, i), "internal-error") != 0,
             "an allocation failure became an internal-error finding", n, file);
    out = nullptr;
    s = baton_report_to_json(report, &out, nullptr);
    expect(fine(s), "baton_report_to_json", n, file);
    complete = complete && out;
    baton_string_free(out);
  }
  complete = complete && report;
  baton_report_free(report);

  for (size_t c = 0; c <= baton_workflow_case_type_count(wf); ++c) {
    const char* ct = c == 0 ? nullptr : baton_workflow_case_type_id(wf, c - 1);
    if (c != 0 && !ct) continue;  // the accessor's own allocation failed: a NULL with the last error set
    out = nullptr;
    s = baton_walk(wf, ct, "json", &out, nullptr);
    expect(fine(s) && (s == BATON_OK) == (out != nullptr), "baton_walk", n, file);
    complete = complete && out;
    baton_string_free(out);
  }
  // The handle is still usable after any failure.
  expect(baton_workflow_id(wf) != nullptr || failed, "the handle is unusable", n, file);
  baton_workflow_free(wf);
  return complete;
}

}  // namespace

int main() {
  const double seconds = std::getenv("OOM_SECONDS") ? std::atof(std::getenv("OOM_SECONDS")) : 15;
  const std::vector<std::string> files = {BATON_SOURCE_DIR "/examples/born-unge/foer.json",
                                          BATON_SOURCE_DIR "/examples/born-unge/efter.json",
                                          BATON_SOURCE_DIR "/tests/fixtures/every-member.json",
                                          BATON_SOURCE_DIR "/tests/fixtures/bpmn/underretning.bpmn"};
  for (const std::string& file : files) {
    const auto start = std::chrono::steady_clock::now();
    long long n = 1, passes = 0;
    for (;; n = n < 300 ? n + 1 : n + n / 33) {
      allocations = 0;
      failed = false;
      fail_at = n;
      const bool complete = pass(file, n);
      fail_at = 0;
      ++passes;
      if (!failed) {
        expect(complete, "a pass without an allocation failure did not complete", n, file.c_str());
        break;
      }
      if (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() > seconds) {
        std::printf("%s: stopped at allocation %lld after %.0f s\n", file.c_str(), n, seconds);
        break;
      }
    }
    std::printf("%s: %lld passes, up to allocation %lld\n", file.c_str(), passes, n);
  }
  std::printf("%s\n", failures == 0 ? "every entry point returned BATON_OK or BATON_E_NOMEM" : "FAILED");
  return failures == 0 ? 0 : 1;
}
