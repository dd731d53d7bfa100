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
static_assert(offsetof(baton_check_options, memory_limit) == 48, "memory_limit (version 2)");
static_assert(sizeof(baton_check_options) == 56, "baton_check_options size");
#endif
static_assert(offsetof(baton_check_options, version) == 0, "version must stay the first member");
static_assert(sizeof(baton_status) == sizeof(int), "baton_status is an int");
static_assert(BATON_CHECK_OPTIONS_VERSION == 2, "a new options version needs new pins");

static_assert(BATON_OK == 0 && BATON_E_INVALID_ARGUMENT == -1 && BATON_E_IO == -2 && BATON_E_PARSE == -3 &&
                  BATON_E_INVALID == -4 && BATON_E_NOT_FOUND == -5 && BATON_E_LIMIT == -6 &&
                  BATON_E_NOMEM == -7 && BATON_E_INTERNAL == -99,
              "status values");

int main(void) {
  const baton_check_options defaults = BATON_CHECK_OPTIONS_INIT;
  const int ok = defaults.version == BATON_CHECK_OPTIONS_VERSION && !defaults.only && !defaults.disable &&
                 !defaults.severity && !defaults.today && defaults.state_limit == 0 && defaults.memory_limit == 0;
  printf("%d passed, %d failed\n", ok, !ok);
  return ok ? 0 : 1;
}
