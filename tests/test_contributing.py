"""The commands CONTRIBUTING.md promises a contributor behave as it says."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from fieldguide.examples import EXAMPLES, ROOT


def _pytest(*args):
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def _collected(*args):
    run = _pytest(
        "--collect-only", "-q", *args, "tests/test_examples.py", "tests/test_book.py"
    )
    assert run.returncode == 0, run.stdout + run.stderr
    return [line for line in run.stdout.splitlines() if "::" in line]


def test_one_example_selects_its_tests_and_no_others():
    name = "futures/a_task_made_by_hand.py"
    for spelling in (name, f"examples/{name}", name.removesuffix(".py")):
        chosen = _collected("--example", spelling)
        assert chosen, spelling
        assert all(name in test for test in chosen), chosen


def test_one_chapter_selects_its_examples_and_its_page_code():
    chosen = _collected("--chapter", "futures")
    ran = {m.group(1) for t in chosen if (m := re.search(r"\[(futures/[\w.]+\.py)", t))}
    assert ran == {
        p.relative_to(EXAMPLES).as_posix() for p in EXAMPLES.glob("futures/*.py")
    }
    assert all("futures" in test for test in chosen), chosen


@pytest.mark.parametrize(
    ("option", "name", "says"),
    [
        ("--example", "futures/a_task_made_by.py", "mean futures/a_task_made_by_hand"),
        ("--chapter", "futurs", "no chapter 'futurs'; chapters: async-await"),
    ],
)  # fmt: skip
def test_a_misspelt_name_is_refused_with_a_suggestion(option, name, says):
    run = _pytest(option, name, "tests/test_examples.py")
    assert run.returncode == 4, run.stdout + run.stderr  # pytest's usage error
    assert says in run.stderr


def test_make_help_lists_every_target_with_its_description():
    makefile = (ROOT / "Makefile").read_text()
    joined = makefile.replace("\\\n", " ")
    phony = set(re.search(r"^\.PHONY: (.*)", joined, re.M).group(1).split())
    described = set(re.findall(r"^([a-z-]+):.*## ", makefile, re.M))
    assert phony - {"env"} == described, "targets without a `## description`"
    listed = subprocess.run(
        ["make", "--no-print-directory", "help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert {
        line.split()[1] for line in listed.splitlines() if line.startswith("  make ")
    } == described
    readme = (ROOT / "README.md").read_text()
    assert not [t for t in described if f"`make {t}`" not in readme], "README's table"
