#!/usr/bin/env python3
"""examples/dask-conform on a local Dask cluster: the merged partition
results equal, byte for byte, the single-process result of the same log.

Environment: BATON_CLI (the baton program), BATON_SOURCE_DIR. Exits 77
(skipped) when Dask's distributed scheduler is not installed."""
import datetime
import json
import os
import random
import subprocess
import sys
import tempfile

try:
    import dask.distributed  # noqa: F401
except ImportError:
    print("dask.distributed is not installed: skipped")
    sys.exit(77)

source = os.environ["BATON_SOURCE_DIR"]
baton = os.environ["BATON_CLI"]
workflow = os.path.join(source, "examples", "born-unge", "foer.json")


def write_log(path, cases):
    """A CSV log of random walks through foer.json: some complete, some cut
    short (open), some with a step left out or a stranger's activity."""
    wf = json.load(open(workflow, encoding="utf-8"))
    steps = {s["id"]: s for s in wf["steps"]}
    out = {}
    for t in wf["transitions"]:
        out.setdefault(t["from"], []).append(t["to"])
    start = next(s["id"] for s in wf["steps"] if s.get("kind") == "start")
    types = [c["id"] for c in wf.get("case_types", [])]
    rng = random.Random(7)
    written = set()
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("case_id,activity,timestamp,team,case_type\n")
        for n in range(cases):
            at, t = start, 1767225600 + rng.randrange(365) * 86400
            case_type = rng.choice(types) if rng.random() < 0.5 else ""
            for _ in range(rng.randrange(3, 25)):
                activity = at if rng.random() > 0.05 else "journalnotat"
                if rng.random() > 0.05:
                    stamp = datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
                    written.add(n)
                    f.write(f"sag-{n},{activity},{stamp},{steps[at].get('team', '')},{case_type}\n")
                t += rng.randrange(1, 30 * 24) * 3600
                if at not in out:
                    break
                at = rng.choice(out[at])
    return len(written)


with tempfile.TemporaryDirectory() as work:
    log = os.path.join(work, "log.csv")
    cases = write_log(log, 600)
    common = ["--today", "2026-12-31", "--team-column", "team"]
    single = subprocess.run([baton, "conform", workflow, log, "--format", "json", *common],
                            capture_output=True)
    if single.returncode != 0:
        print(single.stderr.decode(errors="replace"))
        sys.exit(1)
    merged = os.path.join(work, "merged.json")
    script = os.path.join(source, "examples", "dask-conform", "conform_on_dask.py")
    # The example passes --today; the team column goes through a wrapper.
    wrapper = os.path.join(work, "baton")
    with open(wrapper, "w") as f:
        f.write(f"#!/bin/sh\nif [ \"$1\" = conform ]; then exec '{baton}' \"$@\" --team-column team; fi\n"
                f"exec '{baton}' \"$@\"\n")
    os.chmod(wrapper, 0o755)
    done = subprocess.run([sys.executable, script, workflow, log, "--partitions", "4", "--workers", "2",
                           "--today", "2026-12-31", "--baton", wrapper, "--out", merged], capture_output=True)
    if done.returncode != 0:
        print(done.stdout.decode(errors="replace"), done.stderr.decode(errors="replace"))
        sys.exit(1)
    whole = single.stdout
    parts = open(merged, "rb").read()
    if parts != whole:
        print("the merged result differs from the single-process result")
        sys.exit(1)
    result = json.loads(whole)
    assert result["summary"]["cases"] == cases, (result["summary"]["cases"], cases)
    assert result["summary"]["deviations"], "the log has deviations"
    print("merged partitions equal the single-process result:", result["summary"]["cases"], "cases")
