/* Pins the layout of the public structs and the values of the public
 * enumerations: within one ABI number they must never change (abidiff alone
 * lets a member appended to a struct pass). Fields are only ever appended to
 * baton_check_options, with a new BATON_CHECK_OPTIONS_VERSION; add their
 * pins here then. C11 for static_assert; the header itself is tested as C99. */
#include <baton.h>

#include <assert.h>
#include <stddef.h>
#include <stdio.h>

#if defined(__x86_64__) || defined(__aarch64__)
static_assert(offsetof(baton_check_options, only) == 8, "only");
static_assert(offsetof(baton_check_options, disable) == 16, "disable");
static_assert(offsetof(baton_check_options, severity) == 24, "severity");
static_assert(offsetof(baton_check_options, today) == 32, "today");
static_assert(offsetof(baton_check_options, state_limit) == 40, "state_limit");
/* ---- Version 2 (handbook): lang, appended. */
static_assert(offsetof(baton_check_options, lang) == 48, "lang");
/* ---- Version 3 (issue 12): memory_limit, appended. */
static_assert(offsetof(baton_check_options, memory_limit) == 56, "memory_limit");
static_assert(sizeof(baton_check_options) == 64, "baton_check_options size");
#endif
static_assert(offsetof(baton_check_options, version) == 0, "version must stay the first member");
static_assert(sizeof(baton_status) == sizeof(int), "baton_status is an int");
static_assert(BATON_CHECK_OPTIONS_VERSION == 3, "a new options version needs new pins");

static_assert(BATON_OK == 0 && BATON_E_INVALID_ARGUMENT == -1 && BATON_E_IO == -2 && BATON_E_PARSE == -3 &&
                  BATON_E_INVALID == -4 && BATON_E_NOT_FOUND == -5 && BATON_E_LIMIT == -6 &&
                  BATON_E_NOMEM == -7 && BATON_E_INTERNAL == -99,
              "status values");

/* baton_log_options (issue 9): fields only ever appended, with a new version. */
#if defined(__x86_64__) || defined(__aarch64__)
static_assert(offsetof(baton_log_options, lenient) == 4, "lenient");
static_assert(offsetof(baton_log_options, separator) == 8, "separator");
static_assert(offsetof(baton_log_options, case_column) == 16, "case_column");
static_assert(offsetof(baton_log_options, team_column) == 56, "team_column");
static_assert(offsetof(baton_log_options, case_type_attribute) == 64, "case_type_attribute");
static_assert(offsetof(baton_log_options, time_zone) == 72, "time_zone");
static_assert(offsetof(baton_log_options, classifier) == 80, "classifier");
static_assert(sizeof(baton_log_options) == 88, "baton_log_options size");
#endif
static_assert(offsetof(baton_log_options, version) == 0, "version must stay the first member");
static_assert(BATON_LOG_OPTIONS_VERSION == 1, "a new log options version needs new pins");

/* baton_conform_options (issue 9): fields only ever appended, with a new version. */
#if defined(__x86_64__) || defined(__aarch64__)
static_assert(offsetof(baton_conform_options, today) == 8, "today");
static_assert(offsetof(baton_conform_options, state_limit) == 16, "state_limit");
static_assert(offsetof(baton_conform_options, jobs) == 24, "jobs");
static_assert(offsetof(baton_conform_options, pseudonymise_key) == 32, "pseudonymise_key");
static_assert(sizeof(baton_conform_options) == 40, "baton_conform_options size");
#endif
static_assert(offsetof(baton_conform_options, version) == 0, "version must stay the first member");
static_assert(BATON_CONFORM_OPTIONS_VERSION == 1, "a new conform options version needs new pins");

int main(void) {
  const baton_check_options defaults = BATON_CHECK_OPTIONS_INIT;
  const int ok = defaults.version == BATON_CHECK_OPTIONS_VERSION && !defaults.only && !defaults.disable &&
                 !defaults.severity && !defaults.today && defaults.state_limit == 0 && defaults.memory_limit == 0;
  printf("%d passed, %d failed\n", ok, !ok);
  return ok ? 0 : 1;
}
