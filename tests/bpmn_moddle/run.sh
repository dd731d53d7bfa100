#!/usr/bin/env bash
# The bpmn_moddle test: installs bpmn-moddle with npm into a folder of the
# build tree (once), exports every example and every fixture that loads as
# BPMN with the baton command, as well as every BPMN fixture and MIWG
# reference model baton reads (BPMN -> baton -> BPMN), and has bpmn.io's
# parser read those and the shipped examples/born-unge/efter.bpmn; any
# warning fails the test.
#   run.sh BATON_CLI SOURCE_DIR WORK_DIR [MIWG_DIR]
set -euo pipefail
baton=$1 source=$2 work=$3 miwg=${4:-}
here=$source/tests/bpmn_moddle
mkdir -p "$work"
if ! cmp -s "$here/package.json" "$work/package.json" || [[ ! -d $work/node_modules/bpmn-moddle ]]; then
  cp "$here/package.json" "$work/package.json"
  (cd "$work" && npm install --no-audit --no-fund --loglevel=error)
fi
cp "$here/check.mjs" "$work/check.mjs"
out=$work/exports
rm -rf "$out"
mkdir -p "$out"
files=("$source/examples/born-unge/efter.bpmn")
roots=("$source/examples" "$source/tests/fixtures")
[[ -n $miwg && -d $miwg ]] && roots+=("$miwg")
while IFS= read -r input; do
  name=${input#"$source"/}
  name=${name#"$miwg"/}
  name=${name//\//_}
  name=${name%.*}.bpmn
  if "$baton" validate "$input" >/dev/null 2>&1; then
    "$baton" export --format bpmn "$input" -o "$out/$name"
    files+=("$out/$name")
  fi
done < <(find "${roots[@]}" \( -name '*.json' -o -name '*.bpmn' \) -not -name efter.bpmn | sort)
node "$work/check.mjs" "${files[@]}"
