/* The event-log handle of baton.h, driven as a C host drives it: from a file
 * and from memory, every accessor, NULL and out-of-range arguments, options,
 * bad logs with their place, and lenient counts. Compiled as strict C99. */
#include <baton.h>

#include "expect.h"

#include <stdlib.h>
#include <string.h>

#define LOG(name) BATON_SOURCE_DIR "/tests/fixtures/logs/" name

static int error_mentions(const char *part) {
  return baton_last_error_message()[0] != '\0' && strstr(baton_last_error_message(), part) != NULL;
}

static void test_from_file(void) {
  baton_log *log = NULL;
  if (!EXPECT(baton_log_from_file(LOG("small.xes.gz"), NULL, &log) == BATON_OK)) {
    fprintf(stderr, "  %s\n", baton_last_error_message());
    return;
  }
  EXPECT(baton_log_case_count(log) == 2);
  EXPECT(baton_log_total_event_count(log) == 5);
  EXPECT_STR(baton_log_case_id(log, 0), "S-1");
  EXPECT_STR(baton_log_case_type(log, 0), "akut");
  EXPECT(baton_log_case_closed(log, 0) == 1);
  EXPECT(baton_log_case_closed(log, 1) == 0);
  EXPECT(baton_log_event_count(log, 0) == 4);
  EXPECT_STR(baton_log_event_activity(log, 0, 0), "Underretning modtaget");
  /* 2026-03-02T08:15:00Z */
  EXPECT(baton_log_event_time(log, 0, 0) == 1772439300000LL);
  EXPECT_STR(baton_log_event_lifecycle(log, 0, 1), "start");
  EXPECT_STR(baton_log_event_lifecycle(log, 0, 2), "complete");
  EXPECT_STR(baton_log_event_lifecycle(log, 0, 3), "other");
  EXPECT_STR(baton_log_event_resource(log, 0, 0), "sekret\xc3\xa6r");
  EXPECT_STR(baton_log_event_team(log, 0, 1), "myndighed");
  EXPECT(baton_log_skipped_reason_count(log) == 0);
  EXPECT(baton_last_error_message()[0] == '\0');

  /* Out of range: NULL or 0, and the last error says which index. */
  EXPECT(baton_log_case_id(log, 2) == NULL && error_mentions("case index 2 is out of range (there are 2)"));
  EXPECT(baton_log_event_activity(log, 1, 1) == NULL && error_mentions("event index 1"));
  EXPECT(baton_log_event_time(log, 1, 9) == 0 && error_mentions("event index 9"));
  EXPECT(baton_log_event_count(log, 5) == 0 && error_mentions("case index 5"));
  EXPECT(baton_log_case_closed(log, 5) == 0 && error_mentions("case index 5"));
  EXPECT(baton_log_skipped_reason(log, 0) == NULL && error_mentions("skipped reason index 0"));
  EXPECT(baton_log_skipped_count(log, 0) == 0 && error_mentions("skipped reason"));
  baton_log_free(log);
}

static void test_from_memory_and_options(void) {
  const char *csv = "sag;aktivitet;tid\nA;Start;2026-07-01 09:00\nA;Slut;2026-07-01 08:00\nB;X;bad\n";
  baton_log_options opts = BATON_LOG_OPTIONS_INIT;
  baton_log *log = (baton_log *)&log;
  opts.case_column = "sag";
  opts.activity_column = "aktivitet";
  opts.timestamp_column = "tid";
  opts.lenient = 1;
  opts.time_zone = "UTC";
  if (!EXPECT(baton_log_from_memory(csv, strlen(csv), "csv", &opts, &log) == BATON_OK)) {
    fprintf(stderr, "  %s\n", baton_last_error_message());
    return;
  }
  EXPECT(baton_log_case_count(log) == 1);
  EXPECT_STR(baton_log_event_activity(log, 0, 0), "Slut"); /* ordered by time */
  EXPECT(baton_log_event_time(log, 0, 1) == 1782896400000LL); /* 09:00 UTC */
  EXPECT(baton_log_skipped_reason_count(log) == 1);
  EXPECT_STR(baton_log_skipped_reason(log, 0), "unreadable timestamp");
  EXPECT(baton_log_skipped_count(log, 0) == 1);
  baton_log_free(log);

  /* Not lenient: refused, with the row and the column's number. */
  opts.lenient = 0;
  log = (baton_log *)&log;
  EXPECT(baton_log_from_memory(csv, strlen(csv), NULL, &opts, &log) == BATON_E_INVALID && log == NULL);
  EXPECT(error_mentions("column \"tid\""));
  EXPECT(baton_last_error_line() == 4 && baton_last_error_column() == 3);

  opts.separator = ";;";
  EXPECT(baton_log_from_memory(csv, strlen(csv), "csv", &opts, &log) == BATON_E_INVALID_ARGUMENT);
  EXPECT(error_mentions("separator"));
  opts.separator = NULL;
  opts.version = 99;
  EXPECT(baton_log_from_memory(csv, strlen(csv), "csv", &opts, &log) == BATON_E_INVALID_ARGUMENT);
  EXPECT(error_mentions("BATON_LOG_OPTIONS_INIT"));
  EXPECT(baton_log_from_memory(csv, strlen(csv), "json", NULL, &log) == BATON_E_INVALID_ARGUMENT);
  EXPECT(error_mentions("format"));
}

static void test_bad_logs(void) {
  baton_log *log = (baton_log *)&log;
  EXPECT(baton_log_from_file(NULL, NULL, &log) == BATON_E_INVALID_ARGUMENT && log == NULL);
  EXPECT(error_mentions("path"));
  EXPECT(baton_log_from_file(LOG("small.xes"), NULL, NULL) == BATON_E_INVALID_ARGUMENT);
  EXPECT(baton_log_from_memory(NULL, 0, NULL, NULL, &log) == BATON_E_INVALID_ARGUMENT);
  EXPECT(baton_log_from_file(LOG("missing.xes"), NULL, &log) == BATON_E_IO && log == NULL);
  EXPECT(baton_log_from_file(LOG("bad/unclosed.xes"), NULL, &log) == BATON_E_PARSE);
  EXPECT(error_mentions("not well-formed XML") && baton_last_error_line() == 6);
  EXPECT(baton_log_from_file(LOG("bad/entity-bomb.xes"), NULL, &log) == BATON_E_PARSE);
  EXPECT(error_mentions("DTD"));
  EXPECT(baton_log_from_file(LOG("bad/missing-column.csv"), NULL, &log) == BATON_E_INVALID);
  EXPECT(error_mentions("no activity column"));

  /* Accessors on NULL. */
  EXPECT(baton_log_case_count(NULL) == 0 && error_mentions("log must not be NULL"));
  EXPECT(baton_log_total_event_count(NULL) == 0);
  EXPECT(baton_log_case_id(NULL, 0) == NULL);
  EXPECT(baton_log_event_lifecycle(NULL, 0, 0) == NULL);
  EXPECT(baton_log_skipped_reason_count(NULL) == 0);
  baton_log_free(NULL);
}

int main(void) {
  test_from_file();
  test_from_memory_and_options();
  test_bad_logs();
  return finish();
}
