#!/usr/bin/env python3
"""Conformance of a large log on a Dask cluster, one partition per task.

Each task runs `baton conform WORKFLOW LOG... --partition K/N --format json`
(a case belongs to one partition by a hash of its id, so the tasks share
nothing); `baton conform-merge` then merges the partition results into the
result of the whole log, byte for byte the same as one process gives. Dask
only schedules the work: nothing of baton's is a scheduler.

    conform_on_dask.py WORKFLOW LOG... --partitions N --out RESULT.json
                       [--workers W] [--today YYYY-MM-DD] [--baton PATH]
                       [--scheduler ADDRESS] [--keep DIR]

Without --scheduler a local cluster of W worker processes is started. The
log files must be readable where the workers run (a shared file system).
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile


def conform_partition(baton, workflow, logs, k, n, today, directory):
    """One task: the JSON result of partition k/n, written to a file."""
    path = os.path.join(directory, f"part-{k}-of-{n}.json")
    command = [baton, "conform", workflow, *logs, "--partition", f"{k}/{n}", "--format", "json"]
    if today:
        command += ["--today", today]
    with open(path, "wb") as out:
        done = subprocess.run(command, stdout=out, stderr=subprocess.PIPE)
    if done.returncode != 0:
        raise RuntimeError(f"partition {k}/{n}: {done.stderr.decode(errors='replace').strip()}")
    return path


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("workflow")
    parser.add_argument("logs", nargs="+")
    parser.add_argument("--partitions", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--today")
    parser.add_argument("--baton", default=shutil.which("baton") or "baton")
    parser.add_argument("--scheduler")
    parser.add_argument("--keep", help="keep the partition results in this directory")
    args = parser.parse_args(argv)
    if args.partitions < 1:
        parser.error("--partitions must be at least 1")

    from dask.distributed import Client, LocalCluster

    paths = [os.path.abspath(p) for p in [args.workflow, *args.logs]]
    directory = os.path.abspath(args.keep) if args.keep else tempfile.mkdtemp(prefix="baton-parts-")
    os.makedirs(directory, exist_ok=True)
    try:
        if args.scheduler:
            client = Client(args.scheduler)
            cluster = None
        else:
            cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
        try:
            futures = [client.submit(conform_partition, os.path.abspath(args.baton), paths[0], paths[1:], k,
                                     args.partitions, args.today, directory, pure=False)
                       for k in range(1, args.partitions + 1)]
            parts = client.gather(futures)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
        with open(args.out, "wb") as out:
            done = subprocess.run([args.baton, "conform-merge", *parts], stdout=out, stderr=subprocess.PIPE)
        if done.returncode != 0:
            sys.stderr.write(done.stderr.decode(errors="replace"))
            return 2
    finally:
        if not args.keep:
            shutil.rmtree(directory, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
