/*
 * baton.h: the C ABI of baton (shared/spec/embedding.md, version 1).
 *
 * Valid C99 and C++. Every symbol starts with baton_, every macro with BATON_.
 *
 * Handles. A baton_workflow or baton_report is an opaque handle made by a
 * baton_* function with an out-parameter and released by the matching
 * baton_*_free, which accepts NULL. A handle never changes after it is made,
 * so one handle may be read from several threads at once.
 *
 * Errors. Functions that can fail return a baton_status (BATON_OK is 0,
 * errors are negative). Every function other than the version, last-error and
 * _free functions first clears the calling thread's last error, then on
 * failure fills it in: read it with baton_last_error_*() right after.
 * Accessors that return a pointer or a count cannot return a status: for a
 * NULL handle or an index out of range they return NULL (or 0) and set the
 * last error, so a host that cares tells "empty" from "wrong" by checking
 * baton_last_error_message() for "". No call throws or aborts.
 *
 * Strings. All strings are UTF-8 and NUL-terminated. A const char * returned
 * by an accessor is owned by the handle it came from and lives exactly as long
 * as that handle. A char * handed to the caller through an out-parameter is
 * the caller's, freed with baton_string_free.
 */
#ifndef BATON_H
#define BATON_H

#include <stddef.h>

#if defined(BATON_BUILDING)
#define BATON_API __attribute__((visibility("default")))
#else
#define BATON_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef enum baton_status {
  BATON_OK = 0,
  BATON_E_INVALID_ARGUMENT = -1, /* NULL or out-of-range argument */
  BATON_E_IO = -2,               /* a file could not be read or written */
  BATON_E_PARSE = -3,            /* not well-formed (JSON, XML, CSV) */
  BATON_E_INVALID = -4,          /* well-formed but breaks the format's rules */
  BATON_E_NOT_FOUND = -5,        /* an id or index that does not exist */
  BATON_E_LIMIT = -6,            /* a configured limit was reached */
  BATON_E_NOMEM = -7,
  BATON_E_INTERNAL = -99
} baton_status;

typedef struct baton_workflow baton_workflow;
typedef struct baton_report baton_report;
typedef struct baton_log baton_log;

/* ------------------------------------------------------------------------
 * Versions
 * ------------------------------------------------------------------------ */

/* The library version ("0.1.0"). Static storage: valid for the life of the
 * process, never freed. */
BATON_API const char *baton_version(void);

/* The ABI number, also the SONAME's number (libbaton.so.N). A host built
 * against this header may compare it with the number it was built for. */
BATON_API int baton_abi_version(void);

/* ------------------------------------------------------------------------
 * The last error on the calling thread
 * ------------------------------------------------------------------------ */

/* What went wrong in the last failed call on this thread, in one sentence
 * without the file name or place (those are the caller's and the functions
 * below); "" when the last call that can fail succeeded. The string is owned by the
 * library and stays valid until the next baton_* call that can fail on the
 * same thread (reading the last error does not change it). */
BATON_API const char *baton_last_error_message(void);

/* Where in a workflow file the last error is: a JSON Pointer such as
 * "/steps/3/team"; "" when there is no such place. Same lifetime as
 * baton_last_error_message. */
BATON_API const char *baton_last_error_pointer(void);

/* The 1-based line and column (in characters) of a syntax error in a workflow
 * file; 0 when the last error has no line and column. */
BATON_API int baton_last_error_line(void);
BATON_API int baton_last_error_column(void);

/* ------------------------------------------------------------------------
 * Workflows
 * ------------------------------------------------------------------------ */

/* Load a workflow file from `path`: format v1 JSON, BPMN 2.0 XML
 * (shared/spec/bpmn.md) or a PNML workflow net, told apart by content, not
 * by name. On success *out
 * is a new handle the caller owns and frees with baton_workflow_free; on
 * failure *out is NULL and the status says why: BATON_E_IO (the file cannot
 * be read), BATON_E_PARSE (not JSON or not well-formed XML; the last error
 * has line and column), BATON_E_INVALID (breaks the format's rules; for JSON
 * the last error has the pointer, for BPMN the line and column of the
 * element, whose id the message names). NULL `path` or `out`:
 * BATON_E_INVALID_ARGUMENT. */
BATON_API baton_status baton_workflow_from_file(const char *path, baton_workflow **out);

/* As baton_workflow_from_file, from `length` bytes at `json`. The library
 * copies what it needs; `json` may be freed as soon as the call returns. */
BATON_API baton_status baton_workflow_from_json(const char *json, size_t length, baton_workflow **out);

/* As baton_workflow_from_file, from `length` bytes at `data` in `format`:
 * "json" (format v1), "bpmn" (BPMN 2.0 XML), "pnml" (a Petri net, read as
 * shared/spec/event-logs.md says), or NULL or "" to tell them apart by
 * content. Any other `format`, a NULL `data` or `out`:
 * BATON_E_INVALID_ARGUMENT. The library copies what it needs; `data` may be
 * freed as soon as the call returns. */
BATON_API baton_status baton_workflow_from_memory(const char *data, size_t length, const char *format,
                                                  baton_workflow **out);

/* Write the workflow as format v1 JSON. On success *out is a new
 * NUL-terminated string the caller frees with baton_string_free, and
 * *length (when `length` is not NULL) its length in bytes without the NUL.
 * On failure *out is NULL. Loading the result gives an equal workflow. */
BATON_API baton_status baton_workflow_to_json(const baton_workflow *wf, char **out, size_t *length);

/* Write the workflow as BPMN 2.0 XML with diagram interchange (one pool, a
 * lane per team, roles as nested lanes; shared/spec/bpmn.md "Writing").
 * *out and *length as for baton_workflow_to_json: the caller frees *out
 * with baton_string_free; on failure *out is NULL. Reading the result
 * (baton_workflow_from_memory with "bpmn") gives an equal workflow. A
 * workflow holding a character XML 1.0 cannot carry (a control character):
 * BATON_E_INVALID, the last error naming where. */
BATON_API baton_status baton_workflow_to_bpmn(const baton_workflow *wf, char **out, size_t *length);

/* Release a workflow; NULL is allowed. Reports made from it stay valid. */
BATON_API void baton_workflow_free(baton_workflow *wf);

/* The workflow's id and name. Owned by `wf`, valid until it is freed. NULL
 * (and the last error set) for a NULL `wf`. */
BATON_API const char *baton_workflow_id(const baton_workflow *wf);
BATON_API const char *baton_workflow_name(const baton_workflow *wf);

/* The workflow's steps, teams and case types in file order, for a host's
 * screens. The counts return 0 for a NULL `wf` (and set the last error). The
 * id and name accessors take an index below the count; they return strings
 * owned by `wf`, valid until it is freed, and NULL (setting the last error)
 * for a NULL `wf` or an index out of range. */
BATON_API size_t baton_workflow_step_count(const baton_workflow *wf);
BATON_API const char *baton_workflow_step_id(const baton_workflow *wf, size_t i);
BATON_API const char *baton_workflow_step_name(const baton_workflow *wf, size_t i);
BATON_API size_t baton_workflow_team_count(const baton_workflow *wf);
BATON_API const char *baton_workflow_team_id(const baton_workflow *wf, size_t i);
BATON_API const char *baton_workflow_team_name(const baton_workflow *wf, size_t i);
BATON_API size_t baton_workflow_case_type_count(const baton_workflow *wf);
BATON_API const char *baton_workflow_case_type_id(const baton_workflow *wf, size_t i);
BATON_API const char *baton_workflow_case_type_name(const baton_workflow *wf, size_t i);

/* ------------------------------------------------------------------------
 * Checks
 * ------------------------------------------------------------------------ */

/* Options of baton_check. Start from BATON_CHECK_OPTIONS_INIT and set what
 * you need, so a host built against this header keeps working when later
 * versions append fields: the library reads only the fields that `version`
 * has. The strings are read during baton_check only; they are not kept. */
typedef struct baton_check_options {
  unsigned int version;           /* BATON_CHECK_OPTIONS_VERSION */
  const char *only;               /* comma-separated rule ids, or NULL for all */
  const char *disable;            /* comma-separated rule ids, or NULL */
  const char *severity;           /* "rule=level,rule=level", or NULL */
  const char *today;              /* "YYYY-MM-DD", or NULL for today (UTC) */
  unsigned long long state_limit; /* 0 for the default; the whole check run's states together */
  /* ---- Version 2 (handbook, issue 10): the language of the messages. */
  const char *lang;               /* "da" or "en", or NULL for the workflow's `language` */
  /* ---- Version 3 (issue 12): the most bytes the run's stored states may
   * take, counted approximately (the states' own size, not the allocator's);
   * 0 for none beyond about 1 GiB per exploration. Past it baton_check
   * returns BATON_E_LIMIT and no report. */
  unsigned long long memory_limit;
} baton_check_options;

#define BATON_CHECK_OPTIONS_VERSION 3
#define BATON_CHECK_OPTIONS_INIT { BATON_CHECK_OPTIONS_VERSION, NULL, NULL, NULL, NULL, 0, NULL, 0 }

/* Run the checks (shared/spec/checks.md) on `wf`. `opts` may be NULL for the
 * defaults. On success *out is a new report the caller owns and frees with
 * baton_report_free; on failure *out is NULL. An options version of 0 or newer
 * than this library knows, an unknown rule id, a bad severity level or a bad
 * date is BATON_E_INVALID_ARGUMENT, with the last error naming it. A memory
 * budget (memory_limit) that the analyses reached is BATON_E_LIMIT, with the
 * last error naming the budget and the unfinished checks. A check
 * that fails inside does not fail the call: it becomes an "internal-error"
 * finding. Several threads may check one `wf` at once. */
BATON_API baton_status baton_check(const baton_workflow *wf, const baton_check_options *opts, baton_report **out);

/* Release a report; NULL is allowed. */
BATON_API void baton_report_free(baton_report *report);

/* The id of the workflow the report is about; owned by the report. NULL
 * (and the last error set) for a NULL report. */
BATON_API const char *baton_report_workflow(const baton_report *report);

/* The number of findings, and how many have each severity. 0 for a NULL
 * report (and the last error set). */
BATON_API size_t baton_report_count(const baton_report *report);
BATON_API size_t baton_report_error_count(const baton_report *report);
BATON_API size_t baton_report_warning_count(const baton_report *report);
BATON_API size_t baton_report_info_count(const baton_report *report);

/* Finding `i` (0 <= i < baton_report_count): its rule id, severity ("error",
 * "warning" or "info"), message, JSON Pointer of its primary object ("" for
 * the whole workflow), requirement id and case type id ("" when none).
 * Every string is owned by the report and valid until baton_report_free, even
 * after the workflow is freed. NULL (and the last error set) for a NULL
 * report or an index out of range. */
BATON_API const char *baton_report_rule(const baton_report *report, size_t i);
BATON_API const char *baton_report_severity(const baton_report *report, size_t i);
BATON_API const char *baton_report_message(const baton_report *report, size_t i);
BATON_API const char *baton_report_pointer(const baton_report *report, size_t i);
BATON_API const char *baton_report_requirement(const baton_report *report, size_t i);
BATON_API const char *baton_report_case_type(const baton_report *report, size_t i);

/* The lists of finding `i`, each read as a count and items by index j:
 * the step ids it is about (primary first), its transitions as from/to step
 * ids, and its witness run as step ids in order. Counts are 0 and items NULL
 * (with the last error set) for a NULL report or an index out of range.
 * Strings are owned by the report, as above. */
BATON_API size_t baton_report_step_count(const baton_report *report, size_t i);
BATON_API const char *baton_report_step(const baton_report *report, size_t i, size_t j);
BATON_API size_t baton_report_transition_count(const baton_report *report, size_t i);
BATON_API const char *baton_report_transition_from(const baton_report *report, size_t i, size_t j);
BATON_API const char *baton_report_transition_to(const baton_report *report, size_t i, size_t j);
BATON_API size_t baton_report_witness_count(const baton_report *report, size_t i);
BATON_API const char *baton_report_witness(const baton_report *report, size_t i, size_t j);

/* The report as one result object of shared/spec/cli.md ("workflow",
 * "findings", "counts"). *out and *length as for baton_workflow_to_json:
 * the caller frees *out with baton_string_free. */
BATON_API baton_status baton_report_to_json(const baton_report *report, char **out, size_t *length);

/* ------------------------------------------------------------------------
 * Walkthrough
 * ------------------------------------------------------------------------ */

/* The walkthrough of one case type (its id in `case_type`), or of the whole
 * workflow when `case_type` is NULL, as "markdown" or "json" (`format`; NULL
 * means "markdown"). *out and *length as for baton_workflow_to_json. An
 * unknown case type id is BATON_E_NOT_FOUND; an unknown format
 * BATON_E_INVALID_ARGUMENT. */
BATON_API baton_status baton_walk(const baton_workflow *wf, const char *case_type, const char *format, char **out,
                                  size_t *length);

/* ------------------------------------------------------------------------
 * Event logs (shared/spec/event-logs.md)
 * ------------------------------------------------------------------------ */

/* Options of reading an event log. Start from BATON_LOG_OPTIONS_INIT and set
 * what you need, as for baton_check_options: the library reads only the
 * fields that `version` has. NULL strings take the defaults given here. The
 * strings are read during the call only; they are not kept. */
typedef struct baton_log_options {
  unsigned int version;            /* BATON_LOG_OPTIONS_VERSION */
  int lenient;                     /* non-zero: skip unreadable events, counted per reason */
  const char *separator;           /* CSV: one character (",", ";", "\t", ...); NULL or "" to detect */
  const char *case_column;         /* CSV columns; NULL: the spec's default names */
  const char *activity_column;
  const char *timestamp_column;
  const char *lifecycle_column;
  const char *resource_column;
  const char *team_column;
  const char *case_type_attribute; /* XES trace attribute / CSV column of the case type; NULL: "case_type" */
  const char *time_zone;           /* IANA zone of timestamps without offset; NULL: "Europe/Copenhagen" */
  const char *classifier;          /* XES: a classifier the log declares; NULL: concept:name */
} baton_log_options;

#define BATON_LOG_OPTIONS_VERSION 1
#define BATON_LOG_OPTIONS_INIT { BATON_LOG_OPTIONS_VERSION, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL }

/* Read an event log from `path`: XES (plain or gzip-compressed) or CSV
 * (plain or gzip-compressed), told apart by content, not by name. `opts` may
 * be NULL for the defaults. On success *out is a new handle the caller owns
 * and frees with baton_log_free; on failure *out is NULL and the status says
 * why: BATON_E_IO (the file cannot be read), BATON_E_PARSE (not well-formed
 * XML, CSV or gzip; the last error has the line and column), BATON_E_INVALID
 * (a missing column, an unreadable event when not lenient, ...: the last error
 * has the line, or the row and the column's number). The whole log is read
 * before the call returns: nothing is half read. NULL `path` or `out`, an
 * options version of 0 or newer than this library knows, a separator of more
 * than one character: BATON_E_INVALID_ARGUMENT. */
BATON_API baton_status baton_log_from_file(const char *path, const baton_log_options *opts, baton_log **out);

/* As baton_log_from_file, from `length` bytes at `data` in `format`: "xes",
 * "csv", or NULL or "" to tell them apart by content (gzip is always told by
 * content). Any other `format`, a NULL `data` or `out`:
 * BATON_E_INVALID_ARGUMENT. The library copies what it needs; `data` may be
 * freed as soon as the call returns. */
BATON_API baton_status baton_log_from_memory(const char *data, size_t length, const char *format,
                                             const baton_log_options *opts, baton_log **out);

/* Release a log; NULL is allowed. */
BATON_API void baton_log_free(baton_log *log);

/* The log's cases in file order (XES: trace order; CSV: the order of each
 * case's first row), and the number of events read over all of them. 0 for
 * a NULL `log` (and the last error set). */
BATON_API size_t baton_log_case_count(const baton_log *log);
BATON_API size_t baton_log_total_event_count(const baton_log *log);

/* Case `i` (0 <= i < baton_log_case_count): its id, its case type as the log
 * writes it ("" when it has none), whether the log marks it closed (1 or 0)
 * and its number of events. Strings are owned by `log`, valid until it is
 * freed. NULL (or 0) and the last error set for a NULL `log` or an index out
 * of range. */
BATON_API const char *baton_log_case_id(const baton_log *log, size_t i);
BATON_API const char *baton_log_case_type(const baton_log *log, size_t i);
BATON_API int baton_log_case_closed(const baton_log *log, size_t i);
BATON_API size_t baton_log_event_count(const baton_log *log, size_t i);

/* Event `j` of case `i`, events ordered by time (ties in file order): its
 * activity, its time in milliseconds since 1970-01-01T00:00:00Z, its
 * lifecycle ("complete", also when the log gives none; "start"; or "other"),
 * its resource and team ("" when absent). Strings are owned by `log`, valid
 * until it is freed. NULL (or 0) and the last error set for a NULL `log` or
 * an index out of range; as 0 is a valid time, a host that cares checks
 * baton_last_error_message() for "". */
BATON_API const char *baton_log_event_activity(const baton_log *log, size_t i, size_t j);
BATON_API long long baton_log_event_time(const baton_log *log, size_t i, size_t j);
BATON_API const char *baton_log_event_lifecycle(const baton_log *log, size_t i, size_t j);
BATON_API const char *baton_log_event_resource(const baton_log *log, size_t i, size_t j);
BATON_API const char *baton_log_event_team(const baton_log *log, size_t i, size_t j);

/* What a lenient read skipped: the reasons (such as "unreadable timestamp"),
 * sorted, and the number of events skipped for each. Strings are owned by
 * `log`. NULL (or 0) and the last error set for a NULL `log` or an index out
 * of range. */
BATON_API size_t baton_log_skipped_reason_count(const baton_log *log);
BATON_API const char *baton_log_skipped_reason(const baton_log *log, size_t k);
BATON_API unsigned long long baton_log_skipped_count(const baton_log *log, size_t k);

/* ------------------------------------------------------------------------
 * Texts for people: follow-up agenda, what changes, what rests on it
 * (shared/spec/handbook.md). Each writes `format` ("text", "markdown" or
 * "json"; NULL means "text") in `lang` ("da" or "en"; NULL means the
 * workflow's `language`). *out and *length as for baton_workflow_to_json:
 * the caller frees *out with baton_string_free. A bad format, language or
 * date is BATON_E_INVALID_ARGUMENT; an id the workflow lacks
 * BATON_E_NOT_FOUND.
 * ------------------------------------------------------------------------ */

/* The follow-up points by due date as of `today` ("YYYY-MM-DD", NULL for
 * today in UTC), with question, owner, steps and teams. */
BATON_API baton_status baton_follow_up_agenda(const baton_workflow *wf, const char *today, const char *format,
                                              const char *lang, char **out, size_t *length);

/* What changes from `old_wf` to `new_wf` (objects matched by id), with the
 * findings fixed and new as of `today`; with `team` (a team id of either
 * version, or NULL) only what changes for that team, told from its side.
 * NULL `lang` means the new workflow's language. */
BATON_API baton_status baton_diff(const baton_workflow *old_wf, const baton_workflow *new_wf, const char *team,
                                  const char *today, const char *format, const char *lang, char **out,
                                  size_t *length);

/* Everything that rests on a thing: `of` is "source" (then `named` is text
 * matched within requirements' sources, e.g. "§ 20"), "requirement",
 * "team", "system", "template" or "artifact" (then `named` is its id). */
BATON_API baton_status baton_impact(const baton_workflow *wf, const char *of, const char *named, const char *format,
                                    const char *lang, char **out, size_t *length);

/* The handbook (baton doc) of `wf` written into the folder `folder` (made
 * when missing): `format` "html" or "markdown" (NULL means "html"); with
 * `old_wf` (or NULL) the changes from that version; findings as of `today`
 * (NULL for today). A folder or file that cannot be written is BATON_E_IO,
 * with the last error naming it. */
BATON_API baton_status baton_doc(const baton_workflow *wf, const baton_workflow *old_wf, const char *folder,
                                 const char *today, const char *format, const char *lang);

/* ------------------------------------------------------------------------
 * Memory
 * ------------------------------------------------------------------------ */

/* Free a string the library handed to the caller through a char ** out
 * parameter; NULL is allowed. Never pass a const char * from an accessor. */
BATON_API void baton_string_free(char *s);

/* ------------------------------------------------------------------------
 * Conformance of event logs (shared/spec/event-logs.md)
 * ------------------------------------------------------------------------ */

typedef struct baton_conformance baton_conformance;

/* Options of baton_conform, versioned as baton_check_options. Strings are
 * read during the call only. */
typedef struct baton_conform_options {
  unsigned int version;            /* BATON_CONFORM_OPTIONS_VERSION */
  const char *today;               /* the analysis date "YYYY-MM-DD" for overdue cases; NULL: today (UTC) */
  unsigned long long state_limit;  /* most states one case's alignment may visit; 0 for the default */
  unsigned int jobs;               /* threads; 0 or 1: the calling thread. The result is the same for any */
  const char *pseudonymise_key;    /* non-NULL: every case id becomes its HMAC-SHA-256 under this key */
} baton_conform_options;

#define BATON_CONFORM_OPTIONS_VERSION 1
#define BATON_CONFORM_OPTIONS_INIT { BATON_CONFORM_OPTIONS_VERSION, NULL, 0, 0, NULL }

/* Check every case of `log` against `wf`: its alignment, deviations and the
 * figures over the log. `opts` may be NULL for the defaults. On success *out
 * is a new result the caller owns and frees with baton_conformance_free; it
 * keeps what it needs, so `wf` and `log` may be freed first. On failure *out
 * is NULL: NULL `wf`, `log` or `out`, an options version of 0 or newer than
 * this library knows, or a bad date is BATON_E_INVALID_ARGUMENT. Several
 * threads may conform with one `wf` and one `log` at once. */
BATON_API baton_status baton_conform(const baton_workflow *wf, const baton_log *log, const baton_conform_options *opts,
                                     baton_conformance **out);

/* Release a result; NULL is allowed. */
BATON_API void baton_conformance_free(baton_conformance *result);

/* The log's fitness (PM4Py's: 1 - summed costs / summed denominators, over
 * the cases with an exact alignment), and the number of cases. 0 (and the
 * last error set) for a NULL result. */
BATON_API double baton_conformance_fitness(const baton_conformance *result);
BATON_API size_t baton_conformance_case_count(const baton_conformance *result);

/* Case `i` (0 <= i < baton_conformance_case_count), in the log's order: its
 * id (pseudonymised where asked), its case type id ("" when it names none),
 * whether it is open (1 or 0), its status ("aligned", "analysis-limit" or
 * "no-complete-run"), its alignment cost and fitness (-1 unless "aligned").
 * Strings are owned by the result, valid until baton_conformance_free. NULL
 * (or 0, or -1) and the last error set for a NULL result or an index out of
 * range. */
BATON_API const char *baton_conformance_case_id(const baton_conformance *result, size_t i);
BATON_API const char *baton_conformance_case_type(const baton_conformance *result, size_t i);
BATON_API int baton_conformance_case_open(const baton_conformance *result, size_t i);
BATON_API const char *baton_conformance_case_status(const baton_conformance *result, size_t i);
BATON_API long long baton_conformance_case_cost(const baton_conformance *result, size_t i);
BATON_API double baton_conformance_case_fitness(const baton_conformance *result, size_t i);

/* Deviation `j` of case `i`: its kind ("skipped-step", "overdue", ...), the
 * step id and requirement id it concerns ("" when none) and its message.
 * Ownership and failures as above. */
BATON_API size_t baton_conformance_deviation_count(const baton_conformance *result, size_t i);
BATON_API const char *baton_conformance_deviation_kind(const baton_conformance *result, size_t i, size_t j);
BATON_API const char *baton_conformance_deviation_step(const baton_conformance *result, size_t i, size_t j);
BATON_API const char *baton_conformance_deviation_requirement(const baton_conformance *result, size_t i, size_t j);
BATON_API const char *baton_conformance_deviation_message(const baton_conformance *result, size_t i, size_t j);

/* The whole result as `baton conform` writes it: "json" (every case with its
 * alignment and deviations, and the figures over the log), "text" (the
 * manager's summary) or "csv" (`format`; NULL means "json"). *out and
 * *length as for baton_workflow_to_json. */
BATON_API baton_status baton_conformance_write(const baton_conformance *result, const char *format, char **out,
                                               size_t *length);

#ifdef __cplusplus
}
#endif

#endif /* BATON_H */
