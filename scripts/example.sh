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
echo "== the run behind each finding that has one (its witness, from --format json)"
$baton check "$examples/foer.json" --format json --fail-on never | python3 -c '
import json, sys
workflow = json.load(open(sys.argv[1], encoding="utf-8"))
names = {s["id"]: s["name"] for s in workflow["steps"]}
for document in json.load(sys.stdin)["results"]:
    for f in document["findings"]:
        if f.get("witness"):
            print("[" + f["rule"] + "] " + " → ".join(names.get(s, s) for s in f["witness"]))
' "$examples/foer.json"
echo
echo "== baton check $examples/efter.json  (the improved way of working)"
$baton check "$examples/efter.json"
status=$?
echo
echo "== baton walk $examples/efter.json --case-type undersoegelse-stoette"
$baton walk "$examples/efter.json" --case-type undersoegelse-stoette
echo
echo "== baton conform $examples/foer.json $examples/sager-2026.csv.gz --today 2026-12-31"
echo "   (a simulated year of cases: which steps, handovers and requirements are kept, which open cases are overdue)"
$baton conform "$examples/foer.json" "$examples/sager-2026.csv.gz" --today 2026-12-31 --jobs 2 || status=2
exit $status
