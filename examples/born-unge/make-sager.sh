#!/usr/bin/env bash
# Makes the shipped example logs: a simulated year (2026) of 3000 cases on
# foer.json, with the deviations municipalities really have (the 24-hour
# assessment late, the child conversation skipped before the decision, the
# child's plan late, investigations running over 4 months) and a little
# noise of every kind. The same seed gives the same files on every machine.
#   examples/born-unge/make-sager.sh [path/to/baton]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
baton=${1:-$here/../../build/baton}
noise=(--noise late:vurdering-24t=0.12
       --noise skip:samtale-stoette=0.15 --noise skip:samtale-anbringelse=0.1 --noise skip:samtale-udvalg=0.05
       --noise late:barnets-plan=0.2
       --noise late:udtalelser=0.12 --noise late:undersoegelse-samtale-barn=0.05
       --noise 0.004)
for log in sager-2026.xes.gz sager-2026.csv.gz; do
  "$baton" simulate "$here/foer.json" --cases 3000 --seed 2026 --from 2026-01-01 --to 2026-12-31 \
    "${noise[@]}" -o "$here/$log"
done
