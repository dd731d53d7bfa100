// libFuzzer target: the PNML reader (src/pnml_read.cpp).
#include "exercise.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return baton::fuzz::load_and_exercise(data, size, "pnml");
}
