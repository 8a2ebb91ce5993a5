"""Every example program runs, cleanly, and prints exactly its recorded output.

One test per file under examples/; nothing here names an example. To check one
example: ``make check EXAMPLE=tasks/x.py`` (or ``CHAPTER=tasks``); to re-record
its output after changing it: ``make update-examples EXAMPLE=tasks/x.py``
(pytest's ``--update-examples``), then review ``git diff examples/``.
"""

from __future__ import annotations

import difflib

import pytest

from fieldguide.examples import ROOT, ExampleTimeout, find_examples, run_example

EXAMPLES = find_examples()


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.name for e in EXAMPLES])
def test_example_prints_its_recorded_output(example, request, example_python):
    python, version = example_python
    reason = example.skip_reason(version)
    if reason:
        pytest.skip(reason)
    try:
        run = run_example(example, python)
    except ExampleTimeout as error:
        pytest.fail(str(error), pytrace=False)

    problems = []
    if run.returncode != example.exit_status:
        expected = "" if example.exit_status == 0 else f", not {example.exit_status}"
        problems.append(f"it exited with status {run.returncode}{expected}")
    if run.stderr:
        # Warnings are errors and debug mode is on, so a never-awaited coroutine,
        # a task destroyed while pending or an unclosed resource all land here.
        problems.append("it wrote to standard error:\n" + run.stderr)
    if problems:
        pytest.fail(
            f"examples/{example.name}: "
            + "\n".join(problems)
            + _check_again(example, version),
            pytrace=False,
        )

    recorded = example.output_path_for(version)
    shown = recorded.relative_to(ROOT).as_posix()
    if request.config.getoption("update_examples"):
        if not recorded.exists() or recorded.read_text(encoding="utf-8") != run.stdout:
            recorded.write_text(run.stdout, encoding="utf-8")
        return
    if not recorded.exists():
        pytest.fail(
            f"examples/{example.name} has no recorded output "
            f"({shown}): run "
            f"`make update-examples EXAMPLE={example.name}`",
            pytrace=False,
        )
    expected = recorded.read_text(encoding="utf-8")
    if run.stdout != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                run.stdout.splitlines(keepends=True),
                fromfile=f"{shown} (recorded)",
                tofile=f"examples/{example.name} (printed now)",
            )
        )
        pytest.fail(
            f"examples/{example.name} printed something other than its recorded "
            "output. If the new output is right, record it with "
            f"`make update-examples EXAMPLE={example.name}` and review the diff."
            f"\n{diff}{_check_again(example, version)}",
            pytrace=False,
        )


def _check_again(example, version):
    again = f"\nCheck it again on its own with `make check EXAMPLE={example.name}`."
    if example.output_per_version:
        # Each version's output is recorded by that version (see noxfile.py).
        major_minor = ".".join(version.split(".")[:2])
        again += (
            f"\nIt records each Python's output: on {major_minor}, re-record with "
            f"`make update-examples EXAMPLE={example.name} VERSION={major_minor}`."
        )
    return again
