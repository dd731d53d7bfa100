#!/usr/bin/env bash
# Only baton_* functions leave the shared library (embedding.md): no
# standard-library, Boost or GSL symbol may be exported.
set -euo pipefail
lib=$1
# Defined dynamic symbols, without the version node (type A) and @version.
symbols=$(nm -D --defined-only "$lib" | awk '$2 != "A" { sub(/@.*/, "", $3); print $2, $3 }')
others=$(grep -v '^T baton_' <<<"$symbols" || true)
if [[ -n $others ]]; then
  echo "exported besides baton_* functions:"
  echo "$others"
  echo "0 passed, 1 failed"
  exit 1
fi
echo "$(wc -l <<<"$symbols") baton_* functions exported"
echo "1 passed, 0 failed"
