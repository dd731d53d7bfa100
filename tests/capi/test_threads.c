/* Four threads check, walk and export one workflow handle at once (the
 * handle is read-only, embedding.md). Each thread also provokes an error, to
 * see that its last error is its own. Run it in a ThreadSanitizer build
 * (-DBATON_TSAN=ON) to see races, not only wrong results. */
#include <baton.h>

#include "expect.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

enum { threads = 4, rounds = 25 };

struct job {
  const baton_workflow *wf;
  int index;
  char *expected; /* the report's JSON, made on the main thread */
  int failures;
};

static int same_report(const baton_workflow *wf, const char *expected) {
  baton_check_options opts = BATON_CHECK_OPTIONS_INIT;
  baton_report *report = NULL;
  char *json = NULL;
  int same;
  opts.today = "2026-11-24";
  if (baton_check(wf, &opts, &report) != BATON_OK) return 0;
  same = baton_report_to_json(report, &json, NULL) == BATON_OK && strcmp(json, expected) == 0;
  baton_string_free(json);
  baton_report_free(report);
  return same;
}

static int own_last_error(const baton_workflow *wf, int thread) {
  baton_check_options opts = BATON_CHECK_OPTIONS_INIT;
  baton_report *report = NULL;
  char rule[32];
  sprintf(rule, "no-rule-%d", thread);
  opts.only = rule;
  return baton_check(wf, &opts, &report) == BATON_E_INVALID_ARGUMENT && strstr(baton_last_error_message(), rule);
}

static int walks(const baton_workflow *wf) {
  char *text = NULL, *json = NULL;
  const int ok = baton_walk(wf, "akut", "markdown", &text, NULL) == BATON_OK &&
                 baton_workflow_to_json(wf, &json, NULL) == BATON_OK && baton_workflow_step_count(wf) == 6;
  baton_string_free(text);
  baton_string_free(json);
  return ok;
}

static void *run(void *arg) {
  struct job *job = arg;
  int round;
  for (round = 0; round < rounds; ++round) {
    if (!same_report(job->wf, job->expected)) ++job->failures;
    if (!own_last_error(job->wf, job->index)) ++job->failures;
    if (!walks(job->wf)) ++job->failures;
  }
  return NULL;
}

int main(void) {
  baton_workflow *wf = NULL;
  baton_report *report = NULL;
  baton_check_options opts = BATON_CHECK_OPTIONS_INIT;
  struct job jobs[threads];
  pthread_t ids[threads];
  int i;

  opts.today = "2026-11-24";
  if (!EXPECT(baton_workflow_from_file(BATON_SOURCE_DIR "/tests/capi/fixtures/findings.json", &wf) == BATON_OK))
    return finish();
  EXPECT(baton_check(wf, &opts, &report) == BATON_OK);
  for (i = 0; i < threads; ++i) {
    jobs[i].wf = wf;
    jobs[i].index = i;
    jobs[i].failures = 0;
    EXPECT(baton_report_to_json(report, &jobs[i].expected, NULL) == BATON_OK);
  }
  for (i = 0; i < threads; ++i) EXPECT(pthread_create(&ids[i], NULL, run, &jobs[i]) == 0);
  for (i = 0; i < threads; ++i) {
    EXPECT(pthread_join(ids[i], NULL) == 0);
    EXPECT(jobs[i].failures == 0);
    baton_string_free(jobs[i].expected);
  }
  baton_report_free(report);
  baton_workflow_free(wf);
  return finish();
}
