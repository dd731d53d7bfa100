/* Every entry point of baton.h, driven as a C host drives it: NULL and
 * out-of-range arguments, bad files, options, report accessors, walks and a
 * byte-for-byte round trip of Danish text. Compiled as strict C99. */
#include <baton.h>

#include "expect.h"

#include <stdlib.h>
#include <string.h>

#define FIXTURE(name) BATON_SOURCE_DIR "/tests/" name

static const char *const findings_path = FIXTURE("capi/fixtures/findings.json");

/* Whether the last error is set, and mentions `part`. */
static int error_mentions(const char *part) {
  return baton_last_error_message()[0] != '\0' && strstr(baton_last_error_message(), part) != NULL;
}

static baton_workflow *load(const char *path) {
  baton_workflow *wf = NULL;
  if (!EXPECT(baton_workflow_from_file(path, &wf) == BATON_OK)) fprintf(stderr, "  %s\n", baton_last_error_message());
  return wf;
}

static baton_report *check(const baton_workflow *wf) {
  baton_check_options opts = BATON_CHECK_OPTIONS_INIT;
  baton_report *report = NULL;
  opts.today = "2026-11-24";
  EXPECT(baton_check(wf, &opts, &report) == BATON_OK);
  return report;
}

/* The index of the first finding of `rule`, or the count when there is none. */
static size_t find_rule(const baton_report *report, const char *rule) {
  size_t i = 0;
  while (i < baton_report_count(report) && strcmp(baton_report_rule(report, i), rule) != 0) ++i;
  return i;
}

static void test_versions(void) {
  EXPECT_STR(baton_version(), BATON_EXPECTED_VERSION);
  EXPECT(baton_abi_version() == BATON_EXPECTED_ABI);
}

static void test_null_arguments(void) {
  baton_workflow *wf = (baton_workflow *)&wf; /* not NULL, to see it reset */
  baton_report *report = (baton_report *)&report;
  char *s = (char *)&s;
  size_t n = 7;

  EXPECT(baton_workflow_from_file(NULL, &wf) == BATON_E_INVALID_ARGUMENT && wf == NULL);
  EXPECT(error_mentions("path"));
  EXPECT(baton_workflow_from_file(findings_path, NULL) == BATON_E_INVALID_ARGUMENT);
  EXPECT(baton_workflow_from_json(NULL, 0, &wf) == BATON_E_INVALID_ARGUMENT && wf == NULL);
  EXPECT(baton_workflow_from_json("{}", 2, NULL) == BATON_E_INVALID_ARGUMENT);
  EXPECT(baton_workflow_to_json(NULL, &s, &n) == BATON_E_INVALID_ARGUMENT && s == NULL && n == 7);
  EXPECT(baton_check(NULL, NULL, &report) == BATON_E_INVALID_ARGUMENT && report == NULL);
  EXPECT(error_mentions("wf"));
  EXPECT(baton_report_to_json(NULL, &s, &n) == BATON_E_INVALID_ARGUMENT && s == NULL);
  s = (char *)&s;
  EXPECT(baton_walk(NULL, NULL, NULL, &s, &n) == BATON_E_INVALID_ARGUMENT && s == NULL);

  EXPECT(baton_workflow_id(NULL) == NULL && error_mentions("NULL"));
  EXPECT(baton_workflow_name(NULL) == NULL);
  EXPECT(baton_workflow_step_count(NULL) == 0 && error_mentions("NULL"));
  EXPECT(baton_workflow_step_id(NULL, 0) == NULL);
  EXPECT(baton_workflow_step_name(NULL, 0) == NULL);
  EXPECT(baton_workflow_team_count(NULL) == 0);
  EXPECT(baton_workflow_team_id(NULL, 0) == NULL);
  EXPECT(baton_workflow_team_name(NULL, 0) == NULL);
  EXPECT(baton_workflow_case_type_count(NULL) == 0);
  EXPECT(baton_workflow_case_type_id(NULL, 0) == NULL);
  EXPECT(baton_workflow_case_type_name(NULL, 0) == NULL);

  EXPECT(baton_report_workflow(NULL) == NULL && error_mentions("report"));
  EXPECT(baton_report_count(NULL) == 0 && error_mentions("report"));
  EXPECT(baton_report_error_count(NULL) == 0 && error_mentions("report"));
  EXPECT(baton_report_warning_count(NULL) == 0);
  EXPECT(baton_report_info_count(NULL) == 0);
  EXPECT(baton_report_rule(NULL, 0) == NULL);
  EXPECT(baton_report_severity(NULL, 0) == NULL);
  EXPECT(baton_report_message(NULL, 0) == NULL);
  EXPECT(baton_report_pointer(NULL, 0) == NULL);
  EXPECT(baton_report_requirement(NULL, 0) == NULL);
  EXPECT(baton_report_case_type(NULL, 0) == NULL);
  EXPECT(baton_report_step_count(NULL, 0) == 0);
  EXPECT(baton_report_step(NULL, 0, 0) == NULL);
  EXPECT(baton_report_transition_count(NULL, 0) == 0);
  EXPECT(baton_report_transition_from(NULL, 0, 0) == NULL);
  EXPECT(baton_report_transition_to(NULL, 0, 0) == NULL);
  EXPECT(baton_report_witness_count(NULL, 0) == 0);
  EXPECT(baton_report_witness(NULL, 0, 0) == NULL);

  baton_workflow_free(NULL);
  baton_report_free(NULL);
  baton_string_free(NULL);

  /* A handle given, but no out-pointer. */
  wf = load(findings_path);
  EXPECT(baton_workflow_to_json(wf, NULL, &n) == BATON_E_INVALID_ARGUMENT);
  EXPECT(baton_check(wf, NULL, NULL) == BATON_E_INVALID_ARGUMENT);
  EXPECT(baton_walk(wf, NULL, "markdown", NULL, NULL) == BATON_E_INVALID_ARGUMENT);
  report = check(wf);
  EXPECT(baton_report_to_json(report, NULL, NULL) == BATON_E_INVALID_ARGUMENT);
  /* A call that succeeds clears the last error. */
  EXPECT(baton_workflow_id(wf) != NULL && baton_last_error_message()[0] == '\0');
  baton_report_free(report);
  baton_workflow_free(wf);
}

static void test_out_of_range(void) {
  baton_workflow *wf = load(findings_path);
  baton_report *report = check(wf);
  const size_t count = baton_report_count(report);
  const size_t deadlock = find_rule(report, "deadlock");

  EXPECT(baton_workflow_step_id(wf, baton_workflow_step_count(wf)) == NULL && error_mentions("out of range"));
  EXPECT(baton_workflow_step_name(wf, (size_t)-1) == NULL);
  EXPECT(baton_workflow_team_id(wf, baton_workflow_team_count(wf)) == NULL);
  EXPECT(baton_workflow_team_name(wf, baton_workflow_team_count(wf)) == NULL);
  EXPECT(baton_workflow_case_type_id(wf, baton_workflow_case_type_count(wf)) == NULL);
  EXPECT(baton_workflow_case_type_name(wf, 99) == NULL);

  EXPECT(baton_report_rule(report, count) == NULL && error_mentions("finding index"));
  EXPECT(baton_report_severity(report, count) == NULL);
  EXPECT(baton_report_message(report, count) == NULL);
  EXPECT(baton_report_pointer(report, count) == NULL);
  EXPECT(baton_report_requirement(report, count) == NULL);
  EXPECT(baton_report_case_type(report, count) == NULL);
  EXPECT(baton_report_step_count(report, count) == 0 && error_mentions("out of range"));
  EXPECT(baton_report_transition_count(report, count) == 0);
  EXPECT(baton_report_witness_count(report, count) == 0);
  if (EXPECT(deadlock < count)) {
    EXPECT(baton_report_step(report, deadlock, baton_report_step_count(report, deadlock)) == NULL);
    EXPECT(error_mentions("step index"));
    EXPECT(baton_report_transition_from(report, deadlock, baton_report_transition_count(report, deadlock)) == NULL);
    EXPECT(baton_report_transition_to(report, deadlock, baton_report_transition_count(report, deadlock)) == NULL);
    EXPECT(baton_report_witness(report, deadlock, baton_report_witness_count(report, deadlock)) == NULL);
    EXPECT(baton_report_step(report, count, 0) == NULL);
  }
  baton_report_free(report);
  baton_workflow_free(wf);
}

static void test_bad_files(void) {
  baton_workflow *wf = (baton_workflow *)&wf;
  const char *broken = "{\n  \"baton\": 1,\n  oops\n}";

  EXPECT(baton_workflow_from_file(FIXTURE("capi/fixtures/syntax-error.json"), &wf) == BATON_E_PARSE);
  EXPECT(wf == NULL);
  EXPECT(baton_last_error_line() == 5 && baton_last_error_column() == 3);
  EXPECT(error_mentions("syntax"));
  EXPECT(baton_workflow_from_json(broken, strlen(broken), &wf) == BATON_E_PARSE);
  EXPECT(baton_last_error_line() == 3 && baton_last_error_column() == 3);

  EXPECT(baton_workflow_from_file(FIXTURE("fixtures/bad/dangling-team.json"), &wf) == BATON_E_INVALID);
  EXPECT_STR(baton_last_error_pointer(), "/steps/1/team");
  EXPECT(baton_last_error_line() == 0 && error_mentions("nobody"));

  EXPECT(baton_workflow_from_file(FIXTURE("capi/fixtures/no-such-file.json"), &wf) == BATON_E_IO);
  EXPECT(wf == NULL && error_mentions("cannot open"));
  EXPECT_STR(baton_last_error_pointer(), "");

  /* Only `length` bytes are read: the same text cut short is not JSON. */
  EXPECT(baton_workflow_from_json("{}", 1, &wf) == BATON_E_PARSE);
  EXPECT(baton_workflow_from_json("{}", 2, &wf) == BATON_E_INVALID && wf == NULL);
}

/* Danish text survives to_json -> from_json -> to_json byte for byte. */
static void test_danish_round_trip(void) {
  baton_workflow *wf = load(FIXTURE("fixtures/every-member.json"));
  baton_workflow *again = NULL;
  char *first = NULL, *second = NULL;
  size_t first_length = 0, second_length = 0;

  EXPECT(baton_workflow_to_json(wf, &first, &first_length) == BATON_OK);
  EXPECT(first != NULL && strlen(first) == first_length);
  EXPECT(first != NULL && strstr(first, "Underretning – alle felter (æøå §)") != NULL);
  EXPECT(first != NULL && strstr(first, "Økonomisystem") != NULL);
  EXPECT(baton_workflow_from_json(first, first_length, &again) == BATON_OK);
  EXPECT(baton_workflow_to_json(again, &second, &second_length) == BATON_OK);
  EXPECT(first_length == second_length && first && second && memcmp(first, second, first_length) == 0);
  EXPECT_STR(baton_workflow_name(again), "Underretning – alle felter (æøå §)");
  baton_string_free(second);
  second = NULL;
  EXPECT(baton_workflow_to_json(again, &second, NULL) == BATON_OK); /* length is optional */
  EXPECT(second != NULL && strlen(second) == first_length);
  baton_string_free(first);
  baton_string_free(second);
  baton_workflow_free(again);
  baton_workflow_free(wf);
}

/* to_bpmn -> from_memory("bpmn") gives the same workflow (compared by its
 * JSON); a NULL handle or out-pointer is refused. */
static void test_bpmn_export(void) {
  baton_workflow *wf = load(FIXTURE("fixtures/every-member.json"));
  baton_workflow *again = NULL;
  char *bpmn = NULL, *first = NULL, *second = NULL;
  size_t length = 7;

  EXPECT(baton_workflow_to_bpmn(NULL, &bpmn, &length) == BATON_E_INVALID_ARGUMENT && bpmn == NULL);
  EXPECT(baton_workflow_to_bpmn(wf, NULL, NULL) == BATON_E_INVALID_ARGUMENT);
  EXPECT(baton_workflow_to_bpmn(wf, &bpmn, &length) == BATON_OK);
  EXPECT(bpmn != NULL && strlen(bpmn) == length);
  EXPECT(bpmn != NULL && strstr(bpmn, "http://www.omg.org/spec/BPMN/20100524/MODEL") != NULL);
  EXPECT(bpmn != NULL && strstr(bpmn, "bpmndi:BPMNShape") != NULL);
  EXPECT(baton_workflow_from_memory(bpmn, length, "bpmn", &again) == BATON_OK);
  EXPECT(baton_workflow_to_json(wf, &first, NULL) == BATON_OK);
  EXPECT(again != NULL && baton_workflow_to_json(again, &second, NULL) == BATON_OK);
  EXPECT(first != NULL && second != NULL && strcmp(first, second) == 0);
  baton_string_free(bpmn);
  baton_string_free(first);
  baton_string_free(second);
  baton_workflow_free(again);
  baton_workflow_free(wf);
}

/* BPMN by content from a file, and from memory in every format value. */
static void test_bpmn(void) {
  static const char bpmn[] =
      "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"p\" name=\"Sag\">"
      "<startEvent id=\"s\"/><task id=\"t\" name=\"Bevilling \xc3\xa6\xc3\xb8\xc3\xa5\"/><endEvent id=\"e\"/>"
      "<sequenceFlow id=\"f1\" sourceRef=\"s\" targetRef=\"t\"/><sequenceFlow id=\"f2\" sourceRef=\"t\" targetRef=\"e\"/>"
      "</process></definitions>";
  static const char json[] = "{\"baton\":1}";
  baton_workflow *wf = load(FIXTURE("fixtures/bpmn/underretning.bpmn"));
  EXPECT_STR(baton_workflow_id(wf), "underretning");
  EXPECT(baton_workflow_step_count(wf) == 5 && baton_workflow_team_count(wf) == 2);
  EXPECT_STR(baton_workflow_step_name(wf, 3), "B\xc3\xb8rnesamtale");
  baton_workflow_free(wf);

  wf = NULL;
  EXPECT(baton_workflow_from_memory(bpmn, sizeof bpmn - 1, NULL, &wf) == BATON_OK);
  EXPECT_STR(baton_workflow_step_name(wf, 1), "Bevilling \xc3\xa6\xc3\xb8\xc3\xa5");
  baton_workflow_free(wf);
  wf = NULL;
  EXPECT(baton_workflow_from_memory(bpmn, sizeof bpmn - 1, "", &wf) == BATON_OK && wf != NULL);
  baton_workflow_free(wf);
  wf = NULL;
  EXPECT(baton_workflow_from_memory(bpmn, sizeof bpmn - 1, "bpmn", &wf) == BATON_OK && wf != NULL);
  baton_workflow_free(wf);
  wf = (baton_workflow *)&wf;
  EXPECT(baton_workflow_from_memory(bpmn, sizeof bpmn - 1, "json", &wf) == BATON_E_PARSE && wf == NULL);
  EXPECT(baton_workflow_from_memory(json, sizeof json - 1, "bpmn", &wf) == BATON_E_PARSE && wf == NULL);
  EXPECT(baton_workflow_from_memory(json, sizeof json - 1, "json", &wf) == BATON_E_INVALID);
  EXPECT_STR(baton_last_error_pointer(), "/id");
  EXPECT(baton_workflow_from_memory(bpmn, sizeof bpmn - 1, "yaml", &wf) == BATON_E_INVALID_ARGUMENT && wf == NULL);
  EXPECT(error_mentions("format"));
  EXPECT(baton_workflow_from_memory(NULL, 0, NULL, &wf) == BATON_E_INVALID_ARGUMENT);
  EXPECT(baton_workflow_from_memory(bpmn, sizeof bpmn - 1, NULL, NULL) == BATON_E_INVALID_ARGUMENT);

  /* A BPMN error names the element and its line and column. */
  {
    static const char no_start[] = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n"
                                   "  <process id=\"p\"><task id=\"t\"/></process></definitions>";
    EXPECT(baton_workflow_from_memory(no_start, sizeof no_start - 1, NULL, &wf) == BATON_E_INVALID && wf == NULL);
    EXPECT(baton_last_error_line() == 2 && baton_last_error_column() == 3);
    EXPECT(error_mentions("no start event") && error_mentions("(element \"p\")"));
  }
}

static void test_workflow_accessors(void) {
  baton_workflow *wf = load(findings_path);
  EXPECT_STR(baton_workflow_id(wf), "fund");
  EXPECT_STR(baton_workflow_name(wf), "Sager med fund – æøå §");
  EXPECT(baton_workflow_step_count(wf) == 6);
  EXPECT_STR(baton_workflow_step_id(wf, 0), "start");
  EXPECT_STR(baton_workflow_step_name(wf, 1), "Vurdér");
  EXPECT(baton_workflow_team_count(wf) == 2);
  EXPECT_STR(baton_workflow_team_id(wf, 1), "myndighed");
  EXPECT_STR(baton_workflow_team_name(wf, 1), "Myndighed – børn og unge");
  EXPECT(baton_workflow_case_type_count(wf) == 2);
  EXPECT_STR(baton_workflow_case_type_id(wf, 1), "lukket");
  EXPECT_STR(baton_workflow_case_type_name(wf, 0), "Akut sag");
  baton_workflow_free(wf);
}

static void test_report_accessors(void) {
  baton_workflow *wf = load(findings_path);
  baton_report *report = check(wf);
  size_t count, deadlock, unmapped, incomplete, i;
  char *json = NULL;
  size_t length = 0;

  baton_workflow_free(wf); /* the report does not need its workflow */
  count = baton_report_count(report);
  EXPECT(count > 0);
  EXPECT_STR(baton_report_workflow(report), "fund");
  EXPECT(baton_report_error_count(report) + baton_report_warning_count(report) + baton_report_info_count(report) ==
         count);
  EXPECT(baton_report_error_count(report) >= 3);

  for (i = 0; i < count; ++i) {
    const char *severity = baton_report_severity(report, i);
    EXPECT(baton_report_rule(report, i) && baton_report_message(report, i) && baton_report_pointer(report, i));
    EXPECT(baton_report_requirement(report, i) && baton_report_case_type(report, i));
    EXPECT(same_(severity, "error") || same_(severity, "warning") || same_(severity, "info"));
  }

  deadlock = find_rule(report, "deadlock");
  if (EXPECT(deadlock < count)) {
    EXPECT_STR(baton_report_severity(report, deadlock), "error");
    EXPECT_STR(baton_report_pointer(report, deadlock), "/steps/4");
    EXPECT(baton_last_error_message()[0] == '\0');
    EXPECT(baton_report_step_count(report, deadlock) == 1);
    EXPECT_STR(baton_report_step(report, deadlock, 0), "saml");
    EXPECT(baton_report_transition_count(report, deadlock) == 1);
    EXPECT_STR(baton_report_transition_from(report, deadlock, 0), "notat");
    EXPECT_STR(baton_report_transition_to(report, deadlock, 0), "saml");
    EXPECT(baton_report_witness_count(report, deadlock) == 3);
    EXPECT_STR(baton_report_witness(report, deadlock, 0), "start");
    EXPECT_STR(baton_report_witness(report, deadlock, 2), "akut");
    EXPECT_STR(baton_report_requirement(report, deadlock), "");
    EXPECT_STR(baton_report_case_type(report, deadlock), "");
  }
  unmapped = find_rule(report, "requirement-unmapped");
  if (EXPECT(unmapped < count)) EXPECT_STR(baton_report_requirement(report, unmapped), "r-handling");
  incomplete = find_rule(report, "case-type-incomplete");
  if (EXPECT(incomplete < count)) EXPECT_STR(baton_report_case_type(report, incomplete), "akut");

  EXPECT(baton_report_to_json(report, &json, &length) == BATON_OK);
  EXPECT(json && strlen(json) == length && strncmp(json, "{\"workflow\":\"fund\"", 18) == 0);
  EXPECT(json && strstr(json, "\"counts\":{\"error\":") != NULL);
  EXPECT(json && strstr(json, "Myndighed – børn og unge") != NULL);
  baton_string_free(json);
  baton_report_free(report);
}

static void test_options(void) {
  baton_workflow *wf = load(findings_path);
  baton_report *report = (baton_report *)&report;
  baton_check_options opts = BATON_CHECK_OPTIONS_INIT;

  opts.version = 0;
  EXPECT(baton_check(wf, &opts, &report) == BATON_E_INVALID_ARGUMENT && report == NULL);
  EXPECT(error_mentions("version"));
  opts.version = BATON_CHECK_OPTIONS_VERSION + 1;
  EXPECT(baton_check(wf, &opts, &report) == BATON_E_INVALID_ARGUMENT && error_mentions("version"));
  opts.version = BATON_CHECK_OPTIONS_VERSION;

  opts.only = "deadlock,no-such-rule";
  EXPECT(baton_check(wf, &opts, &report) == BATON_E_INVALID_ARGUMENT && error_mentions("no-such-rule"));
  EXPECT(error_mentions("only"));
  opts.only = NULL;
  opts.disable = "nope";
  EXPECT(baton_check(wf, &opts, &report) == BATON_E_INVALID_ARGUMENT && error_mentions("disable"));
  opts.disable = NULL;
  opts.severity = "deadlock=fatal";
  EXPECT(baton_check(wf, &opts, &report) == BATON_E_INVALID_ARGUMENT && error_mentions("fatal"));
  opts.severity = "deadlock";
  EXPECT(baton_check(wf, &opts, &report) == BATON_E_INVALID_ARGUMENT && error_mentions("severity"));
  opts.severity = NULL;
  opts.today = "2026-13-40";
  EXPECT(baton_check(wf, &opts, &report) == BATON_E_INVALID_ARGUMENT && error_mentions("today"));
  opts.today = "2026-11-24";

  opts.only = "deadlock, unowned-handover";
  opts.severity = "deadlock=info";
  if (EXPECT(baton_check(wf, &opts, &report) == BATON_OK)) {
    EXPECT(baton_report_count(report) == 3);
    EXPECT(baton_report_info_count(report) == 1 && baton_report_error_count(report) == 2);
    EXPECT_STR(baton_report_severity(report, 0), "info");
    baton_report_free(report);
  }
  opts.only = NULL;
  opts.severity = NULL;
  opts.disable = "deadlock";
  if (EXPECT(baton_check(wf, &opts, &report) == BATON_OK)) {
    EXPECT(find_rule(report, "deadlock") == baton_report_count(report));
    baton_report_free(report);
  }
  opts.disable = NULL;
  opts.state_limit = 1;
  if (EXPECT(baton_check(wf, &opts, &report) == BATON_OK)) {
    EXPECT(find_rule(report, "analysis-limit") < baton_report_count(report));
    baton_report_free(report);
  }
  if (EXPECT(baton_check(wf, NULL, &report) == BATON_OK)) baton_report_free(report);
  baton_workflow_free(wf);
}

static void test_walk(void) {
  baton_workflow *wf = load(findings_path);
  char *text = (char *)&text;
  size_t length = 0;

  if (EXPECT(baton_walk(wf, NULL, NULL, &text, &length) == BATON_OK)) {
    EXPECT(strlen(text) == length && text[0] == '#');
    baton_string_free(text);
  }
  if (EXPECT(baton_walk(wf, "akut", "json", &text, &length) == BATON_OK)) {
    EXPECT(text[0] == '{' && strstr(text, "\"akut\"") != NULL);
    baton_string_free(text);
  }
  if (EXPECT(baton_walk(wf, "lukket", "markdown", &text, NULL) == BATON_OK)) {
    EXPECT(strstr(text, "Lukket sag") != NULL);
    baton_string_free(text);
  }
  EXPECT(baton_walk(wf, "ingen", "markdown", &text, &length) == BATON_E_NOT_FOUND && text == NULL);
  EXPECT(error_mentions("ingen"));
  EXPECT(baton_walk(wf, NULL, "html", &text, &length) == BATON_E_INVALID_ARGUMENT && error_mentions("format"));
  baton_workflow_free(wf);
}

/* ---- Texts for people (handbook): lang in the options, agenda, diff, impact. */
static void test_handbook(void) {
  baton_workflow *wf = load(findings_path);
  char *text = (char *)&text;
  size_t length = 0;
  baton_check_options options = BATON_CHECK_OPTIONS_INIT;
  baton_report *report = NULL;

  options.lang = "en";
  if (EXPECT(baton_check(wf, &options, &report) == BATON_OK)) baton_report_free(report);
  options.lang = "fr";
  EXPECT(baton_check(wf, &options, &report) == BATON_E_INVALID_ARGUMENT && error_mentions("lang"));
  options.version = 1; /* a version-1 caller has no lang: not read */
  if (EXPECT(baton_check(wf, &options, &report) == BATON_OK)) baton_report_free(report);

  if (EXPECT(baton_follow_up_agenda(wf, "2026-11-24", "json", "en", &text, &length) == BATON_OK)) {
    EXPECT(strlen(text) == length && strstr(text, "\"points\"") != NULL);
    baton_string_free(text);
  }
  EXPECT(baton_follow_up_agenda(wf, "someday", NULL, NULL, &text, &length) == BATON_E_INVALID_ARGUMENT);
  if (EXPECT(baton_diff(wf, wf, NULL, "2026-11-24", "markdown", "da", &text, &length) == BATON_OK)) {
    EXPECT(strstr(text, "Ingen.") != NULL); /* a workflow against itself: nothing changes */
    baton_string_free(text);
  }
  EXPECT(baton_diff(wf, wf, "no-such-team", NULL, NULL, NULL, &text, &length) == BATON_E_NOT_FOUND);
  EXPECT(baton_diff(NULL, wf, NULL, NULL, NULL, NULL, &text, &length) == BATON_E_INVALID_ARGUMENT);
  if (EXPECT(baton_impact(wf, "source", "\xC2\xA7 1", "text", "en", &text, NULL) == BATON_OK)) baton_string_free(text);
  EXPECT(baton_impact(wf, "team", "no-such-team", NULL, NULL, &text, &length) == BATON_E_NOT_FOUND);
  EXPECT(baton_impact(wf, "colour", "x", NULL, NULL, &text, &length) == BATON_E_INVALID_ARGUMENT);
  EXPECT(baton_impact(wf, "team", NULL, NULL, NULL, &text, &length) == BATON_E_INVALID_ARGUMENT);
  baton_workflow_free(wf);
}

int main(void) {
  test_versions();
  test_null_arguments();
  test_out_of_range();
  test_bad_files();
  test_danish_round_trip();
  test_bpmn();
  test_bpmn_export();
  test_workflow_accessors();
  test_report_accessors();
  test_options();
  test_walk();
  test_handbook();
  return finish();
}
