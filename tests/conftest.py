"""Options for the book's test suite."""

import subprocess
import sys

import pytest


def pytest_addoption(parser):
    parser.addoption(
        "--example-python",
        default=sys.executable,
        metavar="PATH",
        help="run the examples with this Python interpreter (default: the one "
        "running pytest); examples whose requires-python it does not meet are "
        "skipped",
    )


@pytest.fixture(scope="session")
def example_python(request):
    """The interpreter that runs the examples, and its version as 'X.Y.Z'."""
    path = request.config.getoption("example_python")
    try:
        version = subprocess.run(
            [path, "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError) as error:
        message = f"--example-python {path}: cannot run it ({error})"
        raise pytest.UsageError(message) from None
    return path, version


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The whole site, built once per test run, strictly, as `make build` does."""
    import os

    from fieldguide.examples import ROOT

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


# With pytest-xdist (`make test` runs `pytest -n auto --dist loadgroup`), tests
# that share an expensive module- or session-wide build run on one worker, so
# that each build happens once; every other test is spread over the cores.
_SHARED_BUILDS = ("site", "pdf", "offline_copy", "smoke")


def pytest_collection_modifyitems(config, items):
    for item in items:
        builds = [name for name in _SHARED_BUILDS if name in item.fixturenames]
        if builds:
            item.add_marker(pytest.mark.xdist_group(builds[0]))
