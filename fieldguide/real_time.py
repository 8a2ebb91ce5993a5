"""Run the virtual-time examples in real time, as a reader does, and compare.

The suite runs most examples in virtual time, where every timer due at the same
instant fires in the same turn of the loop. In real time two such timers fire
a fraction of a millisecond apart, and a task that runs in between can change
what the program prints. This runs each example for real (``python -m
fieldguide.real_time``, or ``make real-time CHAPTER=...``) and lists the ones
whose output differs from the recording; the fix is usually to make the two
moments differ (a sleep of 1.5 s in place of 1 s), then re-record.

It is not part of the test suite: it takes as long as the examples' sleeps add
up to, and on a busy machine a real-time run can be late by more than an
example's margin, so run an example it reports again before you change it.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import dataclasses
import difflib
import shutil
import subprocess
import sys
from pathlib import Path

from fieldguide.examples import (
    Example,
    ExampleTimeout,
    find_examples,
    python_version,
    run_example,
)

REAL_TIMEOUT = 120.0  # seconds: the longest example sleeps for about a minute


def check(example: Example, python: str) -> str | None:
    """What differs when ``example`` runs in real time, or None."""
    real = dataclasses.replace(
        example, virtual_time=False, timeout=max(example.timeout, REAL_TIMEOUT)
    )
    try:
        run = run_example(real, python)
    except ExampleTimeout as error:
        return str(error)
    problems = []
    if run.returncode != example.exit_status:
        problems.append(f"exit status {run.returncode}, not {example.exit_status}")
    if run.stderr:
        problems.append("standard error:\n" + run.stderr)
    recorded = example.output_path_for(python_version(python)).read_text(
        encoding="utf-8"
    )
    if run.stdout != recorded:
        problems.append(
            "".join(
                difflib.unified_diff(
                    recorded.splitlines(keepends=True),
                    run.stdout.splitlines(keepends=True),
                    fromfile="recorded (virtual time)",
                    tofile="printed in real time",
                )
            )
        )
    return "\n".join(problems) or None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chapter", action="append", default=[])
    parser.add_argument("--example", action="append", default=[], metavar="PATH")
    parser.add_argument("--jobs", type=int, default=4, help="examples at once")
    parser.add_argument("--python", default=sys.executable)
    options = parser.parse_args(argv)
    if options.jobs < 1:
        parser.error(f"--jobs must be at least 1, not {options.jobs}")
    # The examples run in their own folders: the interpreter needs a full path.
    python = shutil.which(options.python)
    if python is None:
        parser.error(f"no Python at {options.python}")
    python = str(Path(python).absolute())
    try:
        version = python_version(python)
    except (OSError, subprocess.CalledProcessError) as error:
        parser.error(f"--python {python}: cannot run it ({error})")

    known = find_examples()
    names = {example.name for example in known}
    for name in options.example:
        if name not in names:
            parser.error(f"no example examples/{name}")
    chosen = [
        example
        for example in known
        if example.virtual_time
        and not example.skip_reason(version)
        and (not options.chapter or example.name.split("/")[0] in options.chapter)
        and (not options.example or example.name in options.example)
    ]
    if not chosen:
        parser.error("no virtual-time example matches")

    differ = 0
    with concurrent.futures.ThreadPoolExecutor(options.jobs) as pool:
        futures = {pool.submit(check, e, python): e for e in chosen}
        for future in concurrent.futures.as_completed(futures):
            example, problem = futures[future], future.result()
            if problem:
                differ += 1
                print(f"DIFFERS examples/{example.name}\n{problem}", flush=True)
    print(f"{len(chosen)} examples run in real time on {version}, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
