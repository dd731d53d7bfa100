#!/usr/bin/env bash
# The fuzz targets of tests/fuzz/ under AddressSanitizer + UndefinedBehaviorSanitizer.
#   scripts/fuzz.sh [SECONDS_EACH] [TARGET...]     run each target (default 20 s; all targets)
#   scripts/fuzz.sh --minimise [TARGET...]         merge what was found into the committed corpora
# FUZZ_SECONDS sets the time too (scripts/test.sh runs 15 s each; for hours:
# `scripts/fuzz.sh 14400`). Seeds: the committed corpus tests/fuzz/corpus/NAME,
# the examples and the test fixtures. New inputs collect in build-fuzz/corpus/NAME;
# a crash is written to build-fuzz/crashes/ and ends the run with status 1:
# copy it to tests/fixtures/fuzz/ with a test, and fix it.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BATON_FUZZ_BUILD:-build-fuzz}
minimise=0
if [[ ${1:-} == --minimise ]]; then minimise=1; shift; fi
seconds=${FUZZ_SECONDS:-20}
if [[ ${1:-} =~ ^[0-9]+$ ]]; then seconds=$1; shift; fi
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(workflow_json bpmn pnml xes csv capi)

launcher=(); command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBATON_FUZZ=ON "${launcher[@]}" \
  -DBATON_BUILD_TESTS=OFF -DBATON_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$build" -j "$(nproc)" --target "${targets[@]/#/fuzz_}"

# The seeds each target starts from besides its committed corpus.
seeds() {
  case $1 in
    workflow_json) echo examples tests/fixtures ;;
    bpmn) echo tests/fixtures/bpmn ;;
    pnml) echo tests/fixtures/pnml ;;
    xes | csv) echo tests/fixtures/logs ;;
    *) ;;
  esac
}

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
mkdir -p "$build/crashes"
for name in "${targets[@]}"; do
  committed=tests/fuzz/corpus/$name
  work=$build/corpus/$name
  mkdir -p "$committed" "$work"
  # Seeds as single files: libFuzzer reads corpus folders, not trees.
  seed_dir=$build/seeds/$name
  rm -rf "$seed_dir" && mkdir -p "$seed_dir"
  for d in $(seeds "$name"); do
    find "$d" -type f \( -name '*.json' -o -name '*.bpmn' -o -name '*.xml' -o -name '*.pnml' -o -name '*.xes' -o -name '*.csv' -o -name '*.gz' \) -size -64k -exec cp -t "$seed_dir" {} + 2>/dev/null || true
  done
  flags=(-dict=tests/fuzz/$name.dict -max_len=65536 -rss_limit_mb=2048 -timeout=10 -print_final_stats=1)
  if [[ $minimise == 1 ]]; then
    # Keep only what adds coverage, into a fresh folder that replaces the committed one.
    fresh=$build/minimised/$name
    rm -rf "$fresh" && mkdir -p "$fresh"
    "$build/tests/fuzz/fuzz_$name" -merge=1 "${flags[@]}" "$fresh" "$committed" "$work" "$seed_dir"
    rm -rf "$committed" && mv "$fresh" "$committed"
    # Committed corpora stay small: larger inputs are the examples' variants,
    # which the seeds give again on every run.
    find "$committed" -type f -size +2k -delete
    echo "== $name: $(ls "$committed" | wc -l) inputs, $(du -sh "$committed" | cut -f1) in $committed"
    continue
  fi
  echo "== fuzz_$name for ${seconds} s"
  "$build/tests/fuzz/fuzz_$name" "${flags[@]}" -max_total_time="$seconds" \
    -artifact_prefix="$build/crashes/$name-" "$work" "$committed" "$seed_dir"
done
