#!/usr/bin/env python3
"""The batch job of examples/c-host/summary.c, in Python: load every *.json
under a folder, run the checks, and print one line per file:

    FILE: N errors, N warnings, N infos
    FILE:PLACE: error: MESSAGE      (a file that cannot be loaded)

Exit status: 0 when every file loaded, 1 when some did not, 2 on misuse.
    PYTHONPATH=bindings/python python3 summary.py FOLDER
"""

import pathlib
import sys

import baton


def summarise(path):
    """Prints the file's line; returns whether it loaded and was checked."""
    try:
        with baton.Workflow.from_file(path) as wf:
            counts = wf.check().counts
    except baton.Error as e:
        place = e.place if isinstance(e, baton.LoadError) else ""
        print(f"{path}:{place}: error: {e.message}")
        return False
    print(f"{path}: {counts['error']} errors, {counts['warning']} warnings, {counts['info']} infos")
    return True


def main(argv):
    if len(argv) != 2 or not pathlib.Path(argv[1]).is_dir():
        print(f"usage: {argv[0]} FOLDER", file=sys.stderr)
        return 2
    paths = sorted(str(p) for p in pathlib.Path(argv[1]).rglob("*.json") if p.is_file())
    results = [summarise(p) for p in paths]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
