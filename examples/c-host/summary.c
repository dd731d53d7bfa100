/* A batch job as a case-management system might run it over the C ABI: load
 * every *.json under a folder, run the checks, and print one line per file:
 *
 *   FILE: N errors, N warnings, N infos
 *   FILE:PLACE: error: MESSAGE    (a file that cannot be loaded; PLACE is
 *                                  LINE:COLUMN or a JSON Pointer)
 *
 * Exit status: 0 when every file loaded, 1 when some did not, 2 on misuse.
 *   cc -std=c99 summary.c -lbaton -o summary && ./summary FOLDER
 */
#define _XOPEN_SOURCE 700
#include <baton.h>

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char **paths;
static size_t path_count, path_capacity;

static int ends_with(const char *s, const char *suffix) {
  const size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int collect(const char *path, const struct stat *info, int type, struct FTW *ftw) {
  char *copy;
  (void)info;
  (void)ftw;
  if (type != FTW_F || !ends_with(path, ".json")) return 0;
  if (path_count == path_capacity) {
    char **grown = realloc(paths, (path_capacity = path_capacity * 2 + 16) * sizeof *paths);
    if (!grown) return 1;
    paths = grown;
  }
  if (!(copy = malloc(strlen(path) + 1))) return 1;
  paths[path_count++] = strcpy(copy, path);
  return 0;
}

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Prints the file's line; returns whether it loaded and was checked. */
static int summarise(const char *path) {
  baton_workflow *wf = NULL;
  baton_report *report = NULL;
  const int ok = baton_workflow_from_file(path, &wf) == BATON_OK && baton_check(wf, NULL, &report) == BATON_OK;
  if (ok)
    printf("%s: %zu errors, %zu warnings, %zu infos\n", path, baton_report_error_count(report),
           baton_report_warning_count(report), baton_report_info_count(report));
  else if (baton_last_error_line() > 0)
    printf("%s:%d:%d: error: %s\n", path, baton_last_error_line(), baton_last_error_column(),
           baton_last_error_message());
  else
    printf("%s:%s: error: %s\n", path, baton_last_error_pointer(), baton_last_error_message());
  baton_report_free(report);
  baton_workflow_free(wf);
  return ok;
}

int main(int argc, char **argv) {
  size_t i;
  int all_loaded = 1;
  if (argc != 2) {
    fprintf(stderr, "usage: %s FOLDER\n", argv[0]);
    return 2;
  }
  if (nftw(argv[1], collect, 16, FTW_PHYS) != 0) {
    fprintf(stderr, "%s: cannot read the folder\n", argv[1]);
    return 2;
  }
  qsort(paths, path_count, sizeof *paths, by_name);
  for (i = 0; i < path_count; ++i) {
    all_loaded &= summarise(paths[i]);
    free(paths[i]);
  }
  free(paths);
  return all_loaded ? 0 : 1;
}
