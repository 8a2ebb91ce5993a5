"""Options for the book's test suite, and the order its parts run in."""

import difflib
import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from fieldguide.examples import DOCS, EXAMPLES, ROOT, python_version


def pytest_addoption(parser):
    parser.addoption(
        "--example-python",
        default=sys.executable,
        metavar="PATH",
        help="run the examples with this Python interpreter (default: the one "
        "running pytest); examples whose requires-python it does not meet are "
        "skipped",
    )
    parser.addoption(
        "--example",
        action="append",
        default=[],
        metavar="CHAPTER/FILE.py",
        help="run only the tests of this example (repeatable); "
        "`make check EXAMPLE=...` passes it",
    )
    parser.addoption(
        "--chapter",
        action="append",
        default=[],
        metavar="CHAPTER",
        help="run only the tests of this chapter's examples and of the code "
        "written in its page (repeatable); `make check CHAPTER=...` passes it",
    )


@pytest.fixture(scope="session")
def example_python(request):
    """The interpreter that runs the examples, and its version as 'X.Y.Z'."""
    path = request.config.getoption("example_python")
    try:
        version = python_version(path)
    except (OSError, subprocess.CalledProcessError) as error:
        message = f"--example-python {path}: cannot run it ({error})"
        raise pytest.UsageError(message) from None
    return path, version


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The whole site, built once per test run, strictly, as `make build` does."""
    import os

    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, "mkdocs build --strict failed:\n" + result.stderr
    warnings = [line for line in result.stderr.splitlines() if "WARNING" in line]
    assert not warnings, "\n".join(warnings)
    return out


# Tests that need a build of the site, the PDF or the offline copy, or a run of
# the benchmark, are marked `slow`: `make test` runs every other test first
# (`make check`), so a broken example is reported in seconds, not after the
# builds. With pytest-xdist (`-n auto --dist loadgroup`), tests that share one
# of those builds run on one worker, so that each build happens once.
_SHARED_BUILDS = ("site", "pdf", "offline_copy", "smoke")


def pytest_configure(config):
    config.fieldguide_only = _selection(config)
    if config.getoption("update_examples") and not hasattr(config, "workerinput"):
        config.fieldguide_before = _recorded_files()


def pytest_collection_modifyitems(config, items):
    for item in items:
        builds = [name for name in _SHARED_BUILDS if name in item.fixturenames]
        if builds:
            item.add_marker(pytest.mark.slow)
            item.add_marker(pytest.mark.xdist_group(builds[0]))
        elif item.originalname == "test_code_block_in_the_docs":
            # pytest-examples rewrites a page's code blocks at the end of a
            # session, from what that session ran: keep them all in one.
            item.add_marker(pytest.mark.xdist_group("code-in-pages"))

    # The examples first: they are what a contributor most often breaks.
    items.sort(key=lambda item: item.path.name != "test_examples.py")

    only = config.fieldguide_only
    if only is None:
        return
    chosen, dropped = [], []
    for item in items:
        (chosen if _concerns(item, only) else dropped).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = chosen


# A failure is shown the moment its test ends, not only in the report at the end
# of the run, so a broken example is on screen seconds after `make test` starts.
@pytest.hookimpl(trylast=True)
def pytest_runtest_logreport(report):
    if not report.failed:
        return
    terminal = _TERMINAL.get("reporter")
    if terminal is None or terminal.config.getoption("update_examples"):
        return
    terminal.ensure_newline()
    terminal.write_line(f"FAILED {report.nodeid} (details again at the end):", red=True)
    terminal.write_line(str(report.longrepr))


_TERMINAL: dict = {}


@pytest.hookimpl(trylast=True)
def pytest_sessionstart(session):
    if not hasattr(session.config, "workerinput"):  # the process that reports
        _TERMINAL["reporter"] = session.config.pluginmanager.get_plugin(
            "terminalreporter"
        )


# --- make check EXAMPLE=... / CHAPTER=... ----------------------------------------


def _selection(config):
    """The example files (relative to examples/) the run is limited to, or None."""
    examples = [_example_name(name) for name in config.getoption("example")]
    chapters = [name.strip("/") for name in config.getoption("chapter")]
    if not examples and not chapters:
        return None
    known = sorted(p.relative_to(EXAMPLES).as_posix() for p in EXAMPLES.glob("*/*.py"))
    for name in examples:
        if name not in known:
            close = difflib.get_close_matches(name, known, n=3, cutoff=0.5)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise pytest.UsageError(f"there is no example examples/{name}{hint}")
    for chapter in chapters:
        if not (EXAMPLES / chapter).is_dir() and not (DOCS / chapter).is_dir():
            names = sorted(p.parent.name for p in DOCS.glob("*/index.md"))
            raise pytest.UsageError(
                f"there is no chapter {chapter!r}; chapters: {', '.join(names)}"
            )
    chosen = set(examples)
    chosen.update(n for n in known if n.split("/")[0] in chapters)
    return {"examples": chosen, "chapters": set(chapters)}


def _example_name(name):
    """`futures/x.py`, however it was typed: `examples/futures/x.py`, `futures/x`."""
    name = name.strip().removeprefix("./").removeprefix("examples/")
    return name if name.endswith(".py") else name + ".py"


def _concerns(item, only):
    """Whether a test checks one of the chosen examples or chapters' pages."""
    for value in getattr(getattr(item, "callspec", None), "params", {}).values():
        path = getattr(value, "path", value)
        if not isinstance(path, Path):
            continue
        path = path.resolve()
        if path.is_relative_to(EXAMPLES):
            return path.relative_to(EXAMPLES).as_posix() in only["examples"]
        if path.is_relative_to(DOCS):
            return path.relative_to(DOCS).parts[0] in only["chapters"]
    return False


# --- make update-examples: say what was rewritten ---------------------------------


def _recorded_files():
    """A digest of every recorded output and every page (code blocks' `#>` lines)."""
    files = [*EXAMPLES.glob("*/*.out"), *DOCS.rglob("*.md")]
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


# Outermost, so the list comes after the short summary of skips and failures.
@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_terminal_summary(terminalreporter, config):
    yield
    before = getattr(config, "fieldguide_before", None)
    if before is None:
        return
    after = _recorded_files()
    rewrote = sorted(p for p in after if p in before and after[p] != before[p])
    created = sorted(p for p in after if p not in before)
    write = terminalreporter.write_line
    terminalreporter.section("recorded outputs")
    if not rewrote and not created:
        write("none changed: every output was already as recorded")
        return
    for verb, paths in (("rewrote", rewrote), ("created", created)):
        for path in paths:
            write(f"{verb} {path.relative_to(ROOT).as_posix()}")
    write("review them with `git diff` (and `git status` for new files)")
