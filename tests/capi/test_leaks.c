/* Many load/check/export/free cycles, good and bad. In the sanitizer build
 * (-DBATON_SANITIZE=ON) LeakSanitizer fails this test at exit on any leak;
 * in other builds it only shows that the cycles run. */
#include <baton.h>

#include "expect.h"

#include <string.h>

enum { cycles = 200 };

static void cycle(const char *path) {
  baton_workflow *wf = NULL, *again = NULL;
  baton_report *report = NULL;
  char *json = NULL, *walk = NULL, *report_json = NULL;
  size_t length = 0;
  baton_check_options opts = BATON_CHECK_OPTIONS_INIT;
  opts.today = "2026-11-24";

  if (!EXPECT(baton_workflow_from_file(path, &wf) == BATON_OK)) return;
  EXPECT(baton_workflow_to_json(wf, &json, &length) == BATON_OK);
  EXPECT(baton_workflow_from_json(json, length, &again) == BATON_OK);
  EXPECT(baton_check(again, &opts, &report) == BATON_OK);
  EXPECT(baton_report_to_json(report, &report_json, NULL) == BATON_OK);
  EXPECT(baton_walk(wf, NULL, "json", &walk, NULL) == BATON_OK);
  baton_report_free(report);
  opts.only = "no-such-rule";
  EXPECT(baton_check(wf, &opts, &report) != BATON_OK); /* leaves no report behind */
  baton_string_free(walk);
  baton_string_free(report_json);
  baton_string_free(json);
  baton_workflow_free(again);
  baton_workflow_free(wf);
}

int main(void) {
  baton_workflow *wf = NULL;
  const char *broken = "{\"baton\": 1, \"id\": ";
  int i;
  for (i = 0; i < cycles; ++i) {
    cycle(BATON_SOURCE_DIR "/tests/capi/fixtures/findings.json");
    cycle(BATON_SOURCE_DIR "/tests/fixtures/every-member.json");
    EXPECT(baton_workflow_from_json(broken, strlen(broken), &wf) == BATON_E_PARSE);
    EXPECT(baton_workflow_from_file(BATON_SOURCE_DIR "/tests/fixtures/bad/dangling-team.json", &wf) ==
           BATON_E_INVALID);
  }
  return finish();
}
