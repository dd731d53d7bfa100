/*
 * baton.h: the C ABI of baton (shared/spec/embedding.md, version 1).
 *
 * Valid C99 and C++. Every symbol starts with baton_, every macro with BATON_.
 * Objects are opaque handles made by baton_* functions and released by the
 * matching baton_*_free, which accepts NULL. Functions that can fail return a
 * baton_status; the details of the last error on the calling thread are read
 * with baton_last_error_*() right after. Strings are UTF-8.
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

/* The library version ("0.1.0"); static storage, never freed. */
BATON_API const char *baton_version(void);
/* The ABI number, also the SONAME's number (libbaton.so.N). */
BATON_API int baton_abi_version(void);

/*
 * The last error on the calling thread. The returned strings stay valid until
 * the next baton_* call on the same thread. "" and 0 when there is none.
 */
BATON_API const char *baton_last_error_message(void);
BATON_API const char *baton_last_error_pointer(void);
BATON_API int baton_last_error_line(void);
BATON_API int baton_last_error_column(void);

/*
 * Load a workflow (format v1). On success *out owns a new handle the caller
 * frees with baton_workflow_free; on failure *out is set to NULL. A handle
 * never changes and may be used from several threads at once.
 */
BATON_API baton_status baton_workflow_from_file(const char *path, baton_workflow **out);
BATON_API baton_status baton_workflow_from_json(const char *json, size_t length, baton_workflow **out);
/* Write the workflow as format v1 JSON; *out is freed with baton_string_free. */
BATON_API baton_status baton_workflow_to_json(const baton_workflow *wf, char **out, size_t *length);
BATON_API void baton_workflow_free(baton_workflow *wf);

/* Frees a string the library handed to the caller; accepts NULL. */
BATON_API void baton_string_free(char *s);

#ifdef __cplusplus
}
#endif

#endif /* BATON_H */
