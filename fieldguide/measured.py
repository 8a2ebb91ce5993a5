"""After `make coverage`: check that every example was measured at all.

coverage.py reports only the files it saw run: the examples' chapter folders
are not packages, so an example that never ran under coverage would simply be
missing from a 100% report. This lists each example that should have been
measured on this interpreter and was not, and fails if there is one.
``python -m fieldguide.measured DATA_FILE``
"""

from __future__ import annotations

import sys

import coverage

from fieldguide.examples import find_examples


def unmeasured(data_file: str) -> tuple[list[str], list[str]]:
    """(examples that should have been measured and were not, those skipped)."""
    data = coverage.CoverageData(data_file)
    data.read()
    seen = set(data.measured_files())
    missing, skipped = [], []
    for example in find_examples():
        if not example.coverage or example.skip_reason():
            skipped.append(example.name)
        elif str(example.path) not in seen:
            missing.append(example.name)
    return missing, skipped


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m fieldguide.measured DATA_FILE")
    missing, skipped = unmeasured(sys.argv[1])
    if skipped:
        print("not measured here (coverage = false, or another Python version):")
        print("".join(f"  examples/{name}\n" for name in skipped), end="")
    if missing:
        sys.exit("examples that never ran under coverage:\n" + "\n".join(missing))
    print("every other example was measured")
