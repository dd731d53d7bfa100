// libFuzzer target: the CSV event-log reader (src/log_csv.cpp).
#include "exercise.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return baton::fuzz::read_log_and_exercise(data, size, "csv");
}
