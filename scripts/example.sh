#!/usr/bin/env bash
# The main job on the shipped reference workflow: check how many
# municipalities work today (foer.json) and the improved way (efter.json),
# and walk one case type through the improved way.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build -DCMAKE_BUILD_TYPE=Release -DBATON_BUILD_TESTS=OFF -DBATON_BUILD_BENCHMARKS=OFF || exit 2

baton=build/baton
examples=examples/born-unge
echo
echo "== baton check $examples/foer.json   (as many municipalities work today)"
$baton check "$examples/foer.json" --fail-on never
echo
echo "== baton check $examples/efter.json  (the improved way of working)"
$baton check "$examples/efter.json"
status=$?
echo
echo "== baton walk $examples/efter.json --case-type undersoegelse-stoette"
$baton walk "$examples/efter.json" --case-type undersoegelse-stoette
exit $status
