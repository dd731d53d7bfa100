// libFuzzer target: the workflow format v1 JSON reader (src/json_load.cpp).
#include "exercise.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return baton::fuzz::load_and_exercise(data, size, "json");
}
