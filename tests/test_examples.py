"""Every example program runs, cleanly, and prints exactly its recorded output.

One test per file under examples/; nothing here names an example. To re-record
outputs after changing an example: ``make update-examples`` (pytest's
``--update-examples``), then review ``git diff examples/``.
"""

from __future__ import annotations

import difflib

import pytest

from fieldguide.examples import ExampleTimeout, find_examples, run_example

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
    if run.returncode != 0:
        problems.append(f"it exited with status {run.returncode}")
    if run.stderr:
        # Warnings are errors and debug mode is on, so a never-awaited coroutine,
        # a task destroyed while pending or an unclosed resource all land here.
        problems.append("it wrote to standard error:\n" + run.stderr)
    if problems:
        pytest.fail(f"examples/{example.name}: " + "\n".join(problems), pytrace=False)

    recorded = example.output_path
    if request.config.getoption("update_examples"):
        if not recorded.exists() or recorded.read_text(encoding="utf-8") != run.stdout:
            recorded.write_text(run.stdout, encoding="utf-8")
        return
    if not recorded.exists():
        pytest.fail(
            f"examples/{example.name} has no recorded output "
            f"(examples/{example.name[:-3]}.out): run `make update-examples`",
            pytrace=False,
        )
    expected = recorded.read_text(encoding="utf-8")
    if run.stdout != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                run.stdout.splitlines(keepends=True),
                fromfile=f"examples/{example.name[:-3]}.out (recorded)",
                tofile=f"examples/{example.name} (printed now)",
            )
        )
        pytest.fail(
            f"examples/{example.name} printed something other than its recorded "
            "output. If the new output is right, run `make update-examples` and "
            f"review the diff.\n{diff}",
            pytrace=False,
        )
