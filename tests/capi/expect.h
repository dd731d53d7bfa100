/* The little test harness of the C tests: each EXPECT counts as passed or
 * failed, and finish() prints "N passed, N failed" and gives the exit status. */
#ifndef BATON_TEST_EXPECT_H
#define BATON_TEST_EXPECT_H

#include <stdio.h>
#include <string.h>

static int expect_passed, expect_failed;

static inline int expect_(int ok, const char *what, const char *file, int line) {
  if (ok) {
    ++expect_passed;
  } else {
    ++expect_failed;
    fprintf(stderr, "%s:%d: failed: %s\n", file, line, what);
  }
  return ok;
}

/* NULL-safe string equality, so a NULL from an accessor fails instead of crashing. */
static inline int same_(const char *a, const char *b) { return a && b && strcmp(a, b) == 0; }

#define EXPECT(cond) expect_((cond) != 0, #cond, __FILE__, __LINE__)
#define EXPECT_STR(a, b) expect_(same_((a), (b)), #a " == " #b, __FILE__, __LINE__)

static inline int finish(void) {
  printf("%d passed, %d failed\n", expect_passed, expect_failed);
  return expect_failed == 0 ? 0 : 1;
}

#endif
