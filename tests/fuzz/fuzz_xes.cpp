// libFuzzer target: the XES event-log reader (src/log_xes.cpp).
#include "exercise.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return baton::fuzz::read_log_and_exercise(data, size, "xes");
}
