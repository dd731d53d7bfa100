/* Hostile workflows through the C ABI (issue 12): a C host loading and
 * checking them must get a status, never a crash inside baton_check. */
#include <baton.h>

#include "expect.h"

#include <string.h>

static const char *fixture(const char *name) {
  static char path[4096];
  strcpy(path, BATON_SOURCE_DIR "/tests/fixtures/hostile/");
  strcat(path, name);
  return path;
}

/* A refused fixture: BATON_E_INVALID at `pointer`, no handle. */
static void refused(const char *name, const char *pointer) {
  baton_workflow *wf = NULL;
  EXPECT(baton_workflow_from_file(fixture(name), &wf) == BATON_E_INVALID);
  EXPECT(wf == NULL);
  EXPECT_STR(baton_last_error_pointer(), pointer);
  EXPECT(strlen(baton_last_error_message()) > 0);
}

int main(void) {
  baton_workflow *wf = NULL;
  baton_report *report = NULL;
  baton_check_options opts = BATON_CHECK_OPTIONS_INIT;
  size_t i, exceeded = 0;
  opts.today = "2026-11-24";

  refused("huge-duration.json", "/steps/2/duration");
  refused("summed-durations.json", "/steps/2/duration");
  refused("huge-interval.json", "/review/interval_days");
  refused("nul-in-name.json", "/name");
  refused("repeated-case-type.json", "/requirements/0/case_types/1");

  /* The longest durations allowed, summed along the deadline chain. */
  if (EXPECT(baton_workflow_from_file(fixture("longest-durations.json"), &wf) == BATON_OK)) {
    EXPECT(baton_check(wf, &opts, &report) == BATON_OK);
    for (i = 0; i < baton_report_count(report); ++i)
      if (same_(baton_report_rule(report, i), "deadline-exceeded")) ++exceeded;
    EXPECT(exceeded == 1);
    baton_report_free(report);
  }
  baton_workflow_free(wf);
  wf = NULL;

  /* A memory budget (options version 2) the analyses reach: BATON_E_LIMIT and
   * no report; an older caller's version 1 struct has no budget to read. */
  if (EXPECT(baton_workflow_from_file(fixture("unstructured-joins.json"), &wf) == BATON_OK)) {
    opts.memory_limit = 64 * 1024;
    report = (baton_report *)&opts; /* must be set to NULL */
    EXPECT(baton_check(wf, &opts, &report) == BATON_E_LIMIT);
    EXPECT(report == NULL);
    EXPECT(strstr(baton_last_error_message(), "memory budget of 65536 bytes") != NULL);
    opts.version = 1;
    EXPECT(baton_check(wf, &opts, &report) == BATON_OK);
    baton_report_free(report);
    opts.version = BATON_CHECK_OPTIONS_VERSION;
    opts.memory_limit = 1ULL << 34;
    EXPECT(baton_check(wf, &opts, &report) == BATON_OK);
    baton_report_free(report);
  }
  baton_workflow_free(wf);
  return finish();
}
