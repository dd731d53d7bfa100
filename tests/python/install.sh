#!/usr/bin/env bash
# The binding installs offline with pip and setuptools alone, and the
# installed package works with the library shipped in its folder.
#   install.sh PYTHON SOURCE_DIR LIBRARY WORK_DIR
set -euo pipefail
python=$1 source=$2 library=$3 work=$4
# Skipped (77) where this Python cannot build a wheel offline.
"$python" -c 'import setuptools, wheel, pip' 2>/dev/null || { echo "no pip/setuptools/wheel in $python"; exit 77; }
rm -rf "$work" && mkdir -p "$work"
# A copy, so that setuptools' build folders stay out of the source tree.
cp -r "$source/bindings/python" "$work/src"
"$python" -m pip install --quiet --no-build-isolation --no-index --no-deps --target "$work/site" "$work/src"
cp "$library" "$work/site/baton/libbaton.so.1"
cd "$work"
env -u BATON_LIBRARY PYTHONPATH="$work/site" "$python" -c '
import baton, os, sys
assert os.path.dirname(baton._capi.library_path()) == os.path.join(sys.argv[1], "baton"), baton._capi.library_path()
print(baton.__version__, len(baton.Workflow.from_file(sys.argv[2]).check(today="2026-11-24")), "findings")
' "$work/site" "$source/tests/fixtures/minimal.json"
echo "1 passed, 0 failed"
