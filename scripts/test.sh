#!/usr/bin/env bash
# Every test: an optimised build with the tests, benchmarks compiled, and the
# installed package used by a consumer; then the whole suite again under
# AddressSanitizer + UndefinedBehaviorSanitizer; then the threading tests
# under ThreadSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

echo "== release build and tests"
scripts/setup.sh build -DCMAKE_BUILD_TYPE=Release -DBATON_BUILD_TESTS=ON -DBATON_BUILD_BENCHMARKS=ON
ctest --test-dir build -j "$jobs" --output-on-failure

echo "== AddressSanitizer + UndefinedBehaviorSanitizer build and tests"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DBATON_SANITIZE=ON -DBATON_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build-asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan -j "$jobs" --output-on-failure

echo "== ThreadSanitizer: one workflow handle checked from several threads"
cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DBATON_TSAN=ON -DBATON_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build-tsan -j "$jobs" --target test_capi_threads
TSAN_OPTIONS=halt_on_error=1 ctest --test-dir build-tsan -R '^capi_threads$' --output-on-failure

echo "== fuzz targets (tests/fuzz/), ${FUZZ_SECONDS:-15} s each under ASan + UBSan (clang-14, libFuzzer)"
FUZZ_SECONDS=${FUZZ_SECONDS:-15} scripts/fuzz.sh

echo "== out-of-memory sweep over the C ABI (tests/oom/), under AddressSanitizer + LeakSanitizer"
# Every n up to 300, then n grows by 3 % a step; OOM_SECONDS (default 15)
# caps each of the four workflows, so the sweep stays within about a minute.
cmake -S . -B build-asan -DBATON_OOM_TEST=ON >/dev/null
cmake --build build-asan -j "$jobs" --target test_oom
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  build-asan/tests/oom/test_oom
