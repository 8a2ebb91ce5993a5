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
