// The C ABI over the C++ core. Every entry point runs inside guard(), so no
// exception crosses into the host and every failure leaves a last error.
#include "baton.h"

#include <baton/json.hpp>
#include <baton/version.hpp>

#include <cstdlib>
#include <cstring>
#include <new>
#include <string>

struct baton_workflow {
  std::shared_ptr<const baton::Workflow> workflow;
};

namespace {

struct LastError {
  std::string message, pointer;
  int line = 0, column = 0;
};
thread_local LastError last_error;

baton_status set_error(baton_status status, std::string message, std::string pointer = {}, int line = 0,
                       int column = 0) {
  last_error = {std::move(message), std::move(pointer), line, column};
  return status;
}

baton_status from_load_error(const baton::LoadError& e) {
  const baton_status status = e.kind() == baton::LoadError::Kind::io      ? BATON_E_IO
                              : e.kind() == baton::LoadError::Kind::parse ? BATON_E_PARSE
                                                                          : BATON_E_INVALID;
  return set_error(status, e.what(), e.pointer(), e.line(), e.column());
}

template <class F>
baton_status guard(F&& f) noexcept {
  try {
    last_error = {};
    return f();
  } catch (const baton::LoadError& e) {
    return from_load_error(e);
  } catch (const std::bad_alloc&) {
    return set_error(BATON_E_NOMEM, "out of memory");
  } catch (const std::exception& e) {
    return set_error(BATON_E_INTERNAL, std::string("internal error: ") + e.what());
  } catch (...) {
    return set_error(BATON_E_INTERNAL, "internal error");
  }
}

baton_status null_argument(const char* name) {
  return set_error(BATON_E_INVALID_ARGUMENT, std::string(name) + " must not be NULL");
}

// Copies a string into malloc'd memory the caller frees with baton_string_free.
baton_status hand_out(const std::string& s, char** out, size_t* length) {
  char* copy = static_cast<char*>(std::malloc(s.size() + 1));
  if (!copy) return set_error(BATON_E_NOMEM, "out of memory");
  std::memcpy(copy, s.data(), s.size());
  copy[s.size()] = '\0';
  *out = copy;
  if (length) *length = s.size();
  return BATON_OK;
}

}  // namespace

extern "C" {

const char* baton_version(void) { return BATON_VERSION_STRING; }
int baton_abi_version(void) { return BATON_ABI_NUMBER; }

const char* baton_last_error_message(void) { return last_error.message.c_str(); }
const char* baton_last_error_pointer(void) { return last_error.pointer.c_str(); }
int baton_last_error_line(void) { return last_error.line; }
int baton_last_error_column(void) { return last_error.column; }

baton_status baton_workflow_from_file(const char* path, baton_workflow** out) {
  return guard([&] {
    if (!out) return null_argument("out");
    *out = nullptr;
    if (!path) return null_argument("path");
    *out = new baton_workflow{baton::load_workflow_file(path)};
    return BATON_OK;
  });
}

baton_status baton_workflow_from_json(const char* json, size_t length, baton_workflow** out) {
  return guard([&] {
    if (!out) return null_argument("out");
    *out = nullptr;
    if (!json) return null_argument("json");
    *out = new baton_workflow{baton::load_workflow(std::string_view(json, length))};
    return BATON_OK;
  });
}

baton_status baton_workflow_to_json(const baton_workflow* wf, char** out, size_t* length) {
  return guard([&] {
    if (!out) return null_argument("out");
    *out = nullptr;
    if (!wf) return null_argument("wf");
    return hand_out(baton::to_json(*wf->workflow), out, length);
  });
}

void baton_workflow_free(baton_workflow* wf) { delete wf; }

void baton_string_free(char* s) { std::free(s); }

}  // extern "C"
