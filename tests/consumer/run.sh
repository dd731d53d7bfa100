#!/usr/bin/env bash
# Installs the built tree into a scratch prefix, then builds the consumer
# against it three ways: CMake package (C ABI and C++ core) and pkg-config.
set -euo pipefail
build=$1 source=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
cmake --install "$build" --prefix "$work/prefix" >/dev/null
for f in include/baton.h include/baton/model.hpp lib/libbaton.so lib/pkgconfig/baton.pc \
         lib/cmake/baton/batonConfig.cmake lib/cmake/baton/batonConfigVersion.cmake bin/baton; do
  test -e "$work/prefix/$f" || { echo "not installed: $f"; exit 1; }
done
fixture=$source/tests/fixtures/minimal.json
cmake -S "$source/tests/consumer" -B "$work/consumer" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/consumer" >/dev/null
LD_LIBRARY_PATH="$work/prefix/lib" "$work/consumer/c_host" "$fixture"
"$work/consumer/cpp_host" "$fixture"
export PKG_CONFIG_PATH="$work/prefix/lib/pkgconfig"
# shellcheck disable=SC2046
cc -std=c99 -pedantic -Wall -Werror "$source/tests/consumer/c_host.c" -o "$work/pc_host" $(pkg-config --cflags --libs baton)
LD_LIBRARY_PATH="$work/prefix/lib" "$work/pc_host" "$fixture"
echo "1 passed, 0 failed"
