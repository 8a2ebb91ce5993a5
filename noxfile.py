"""Every example on every Python version the book supports: `make test-versions`.

Each session builds an environment from uv.lock for its interpreter and runs the
example harness there, and checks that each timeline on a page is recorded the
same there; examples whose `requires-python` excludes the version
are skipped by the harness and listed as skipped. An interpreter that this
machine lacks is reported and its session skipped, never passed silently.
"""

from pathlib import Path

import nox

nox.options.default_venv_backend = "uv"
nox.options.error_on_missing_interpreters = False
nox.options.sessions = ["examples"]

# 3.14 and 3.15 run where they are installed; they are not on every machine
# yet, and CI's matrix lets them fail until someone has run them (CONTRIBUTING).
VERSIONS = ["3.11", "3.12", "3.13", "3.14", "3.15"]


def install(session: nox.Session) -> None:
    session.run_install(
        "uv",
        "sync",
        "--locked",
        "--no-default-groups",
        "--group=test",
        f"--python={session.virtualenv.location}",
        env={"UV_PROJECT_ENVIRONMENT": session.virtualenv.location},
    )


@nox.session(python=VERSIONS)
def examples(session: nox.Session) -> None:
    install(session)
    # The timelines too: each must be recorded the same on every version.
    session.run(
        "pytest",
        "-q",
        "-rs",
        "-n",
        "auto",
        "tests/test_examples.py",
        "tests/test_pictures.py",
        *session.posargs,
    )


# `make coverage` runs this on the newest Python present. Not 3.11: its tracing
# skips the lines a coroutine runs after an exception is thrown into it (a
# timeout, a cancellation) until it next waits, so coverage.py misses them
# (coveragepy issue 2124); 3.12 and later report them.
@nox.session(python=VERSIONS)
def coverage(session: nox.Session) -> None:
    install(session)
    data = "--data-file=build/coverage/.coverage"
    session.run(
        "pytest",
        "-q",
        "-n",
        "auto",
        "tests/test_examples.py",
        env={"FIELDGUIDE_COVERAGE": "1"},
    )
    # The case studies' programs are also driven in-process by their own
    # tests, which reach the lines (bad input, say) no example shows.
    programs = sorted(str(path) for path in Path("tests").glob("test_crawler_*.py"))
    if programs:
        session.run("coverage", "run", data, "-m", "pytest", "-q", *programs)
    session.run("coverage", "combine", "-q", data, "build/coverage")
    session.run("coverage", "report", data)
    session.run("python", "-m", "fieldguide.measured", "build/coverage/.coverage")
