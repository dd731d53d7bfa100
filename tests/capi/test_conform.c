/* baton_conform and the conformance result handle, driven as a C host
 * drives them: a log from memory checked against born-unge's foer.json,
 * every accessor, the reports, options, NULL and out-of-range arguments.
 * Compiled as strict C99. */
#include <baton.h>

#include "expect.h"

#include <stdlib.h>
#include <string.h>

/* A kept case, a late 24-hour assessment, an open case overdue. */
static const char log_csv[] =
    "case_id,activity,timestamp,team,case_type\n"
    "A,underretning-modtaget,2026-02-02T09:00:00Z,modtagelse,underretning-lukket\n"
    "A,vurdering-24t,2026-02-02T11:00:00Z,modtagelse,underretning-lukket\n"
    "A,kvittering-underretter,2026-02-03T11:00:00Z,modtagelse,underretning-lukket\n"
    "A,screening,2026-02-04T11:00:00Z,modtagelse,underretning-lukket\n"
    "A,henlagt,2026-02-05T11:00:00Z,modtagelse,underretning-lukket\n"
    "B,underretning-modtaget,2026-02-02T09:00:00Z,modtagelse,underretning-lukket\n"
    "B,vurdering-24t,2026-02-03T10:00:00Z,modtagelse,underretning-lukket\n"
    "B,kvittering-underretter,2026-02-03T11:00:00Z,modtagelse,underretning-lukket\n"
    "B,screening,2026-02-04T11:00:00Z,modtagelse,underretning-lukket\n"
    "B,henlagt,2026-02-05T11:00:00Z,modtagelse,underretning-lukket\n"
    "C,underretning-modtaget,2026-02-10T09:00:00Z,modtagelse,\n";

int main(void) {
  baton_workflow *wf = NULL;
  baton_log *log = NULL;
  baton_log_options log_options = BATON_LOG_OPTIONS_INIT;
  baton_conform_options options = BATON_CONFORM_OPTIONS_INIT;
  baton_conformance *result = NULL;
  char *text = NULL;
  size_t length = 0;

  log_options.team_column = "team";
  if (!EXPECT(baton_workflow_from_file(BATON_SOURCE_DIR "/examples/born-unge/foer.json", &wf) == BATON_OK) ||
      !EXPECT(baton_log_from_memory(log_csv, sizeof log_csv - 1, "csv", &log_options, &log) == BATON_OK)) {
    fprintf(stderr, "  %s\n", baton_last_error_message());
    return finish();
  }
  options.today = "2026-03-01";
  options.jobs = 2;
  if (!EXPECT(baton_conform(wf, log, &options, &result) == BATON_OK)) {
    fprintf(stderr, "  %s\n", baton_last_error_message());
    return finish();
  }
  /* The result keeps what it needs. */
  baton_log_free(log);
  baton_workflow_free(wf);

  EXPECT(baton_conformance_case_count(result) == 3);
  EXPECT_STR(baton_conformance_case_id(result, 0), "A");
  EXPECT_STR(baton_conformance_case_type(result, 0), "underretning-lukket");
  EXPECT(baton_conformance_case_open(result, 0) == 0);
  EXPECT_STR(baton_conformance_case_status(result, 0), "aligned");
  EXPECT(baton_conformance_case_cost(result, 0) == 0);
  EXPECT(baton_conformance_case_fitness(result, 0) == 1.0);
  EXPECT(baton_conformance_deviation_count(result, 0) == 0);

  EXPECT(baton_conformance_deviation_count(result, 1) == 1);
  EXPECT_STR(baton_conformance_deviation_kind(result, 1, 0), "deadline-missed");
  EXPECT_STR(baton_conformance_deviation_step(result, 1, 0), "vurdering-24t");
  EXPECT_STR(baton_conformance_deviation_requirement(result, 1, 0), "krav-24t");
  EXPECT(strstr(baton_conformance_deviation_message(result, 1, 0), "1 day 1 hour") != NULL);

  EXPECT_STR(baton_conformance_case_type(result, 2), "");
  EXPECT(baton_conformance_case_open(result, 2) == 1);
  EXPECT_STR(baton_conformance_deviation_kind(result, 2, 0), "overdue");
  EXPECT(baton_conformance_fitness(result) == 1.0);

  EXPECT(baton_conformance_write(result, NULL, &text, &length) == BATON_OK);
  EXPECT(text && strncmp(text, "{\"baton\":", 9) == 0 && strlen(text) == length);
  baton_string_free(text);
  EXPECT(baton_conformance_write(result, "text", &text, NULL) == BATON_OK);
  EXPECT(text && strstr(text, "Open cases overdue on 2026-03-01 (1)") != NULL);
  baton_string_free(text);
  EXPECT(baton_conformance_write(result, "csv", &text, NULL) == BATON_OK);
  EXPECT(text && strncmp(text, "record,case,", 12) == 0);
  baton_string_free(text);
  EXPECT(baton_conformance_write(result, "xml", &text, NULL) == BATON_E_INVALID_ARGUMENT && text == NULL);

  /* Out of range and NULL: NULL, 0 or -1, and the last error says why. */
  EXPECT(baton_conformance_case_id(result, 3) == NULL && strstr(baton_last_error_message(), "case index 3") != NULL);
  EXPECT(baton_conformance_case_cost(result, 3) == -1);
  EXPECT(baton_conformance_deviation_kind(result, 0, 0) == NULL &&
         strstr(baton_last_error_message(), "deviation index 0") != NULL);
  EXPECT(baton_conformance_case_count(NULL) == 0 && baton_last_error_message()[0] != '\0');
  baton_conformance_free(result);
  baton_conformance_free(NULL);

  /* Options and arguments. */
  EXPECT(baton_workflow_from_file(BATON_SOURCE_DIR "/examples/born-unge/foer.json", &wf) == BATON_OK);
  EXPECT(baton_log_from_memory(log_csv, sizeof log_csv - 1, "csv", &log_options, &log) == BATON_OK);
  result = (baton_conformance *)&options; /* set to NULL on failure */
  EXPECT(baton_conform(wf, NULL, NULL, &result) == BATON_E_INVALID_ARGUMENT && result == NULL);
  options.version = 99;
  EXPECT(baton_conform(wf, log, &options, &result) == BATON_E_INVALID_ARGUMENT &&
         strstr(baton_last_error_message(), "version is 99") != NULL);
  options.version = BATON_CONFORM_OPTIONS_VERSION;
  options.today = "1. marts";
  EXPECT(baton_conform(wf, log, &options, &result) == BATON_E_INVALID_ARGUMENT);
  options.today = "2026-03-01";
  options.pseudonymise_key = "geheim";
  EXPECT(baton_conform(wf, log, &options, &result) == BATON_OK);
  EXPECT(strlen(baton_conformance_case_id(result, 0)) == 16 && strcmp(baton_conformance_case_id(result, 0), "A") != 0);
  baton_conformance_free(result);
  baton_log_free(log);
  baton_workflow_free(wf);
  return finish();
}
