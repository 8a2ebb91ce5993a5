"""Find the book's example programs, read their settings, run them, check them.

An example is ``examples/<chapter>/<what_it_shows>.py``; its recorded standard
output sits beside it as ``<what_it_shows>.out``. Settings that differ from the
defaults go in an inline script metadata block (PEP 723) at the top of the file,
which ``uv run`` and ``pipx run`` also understand::

    # /// script
    # requires-python = ">=3.12"
    # [tool.fieldguide]
    # virtual-time = false     # run in real time (threads, real I/O)
    # blocks-the-loop = true   # it blocks the event loop on purpose
    # record-stderr = true     # its point is what it writes to stderr
    # coverage = false         # measuring coverage would change its output
    # timeout = 20
    # exit-status = 130        # it ends with this status on purpose
    # output-per-version = true  # each Python X.Y prints its own <name>.X.Y.out
    # skip = "why this example cannot run in the test suite"
    # ///
"""

from __future__ import annotations

import ast
import dataclasses
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.specifiers import InvalidSpecifier, SpecifierSet

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DOCS = ROOT / "docs"  # the pages that show the examples

DEFAULT_TIMEOUT = 10.0  # seconds of real time for one example
# The versions the book's recorded outputs come from, oldest first (noxfile.py
# also tries newer ones, which must then print what is recorded).
PYTHON_VERSIONS = ("3.11", "3.12", "3.13")

_METADATA_BLOCK = re.compile(
    r"(?m)^# /// (?P<type>[a-zA-Z0-9-]+)$\s(?P<content>(^#(| .*)$\s)+)^# ///$"
)
_SETTINGS = {
    "virtual-time",
    "timeout",
    "skip",
    "blocks-the-loop",
    "record-stderr",
    "coverage",
    "exit-status",
    "output-per-version",
}

# Memory addresses change on every run; nothing else is normalised.
_ADDRESS = re.compile(r"\b0x[0-9a-fA-F]{6,}\b")


class ExampleError(Exception):
    """An example's file or settings are malformed."""


@dataclasses.dataclass(frozen=True)
class Example:
    path: Path
    requires_python: SpecifierSet
    virtual_time: bool = True
    timeout: float = DEFAULT_TIMEOUT
    skip: str | None = None
    blocks_the_loop: bool = False
    record_stderr: bool = False
    coverage: bool = True
    exit_status: int = 0  # the status the program ends with on purpose
    # A lesson about a difference between Python versions records what each
    # version prints: <name>.3.11.out, <name>.3.12.out, ...
    output_per_version: bool = False

    @property
    def name(self) -> str:
        """The path below ``examples/``, as pages and test ids spell it."""
        if self.path.is_relative_to(EXAMPLES):
            return self.path.relative_to(EXAMPLES).as_posix()
        return self.path.name

    @property
    def output_path(self) -> Path:
        """The recorded output (of the book's oldest Python, if per version)."""
        if self.output_per_version:
            return self.output_path_for(PYTHON_VERSIONS[0])
        return self.path.with_suffix(".out")

    def output_path_for(self, version: str) -> Path:
        """The recorded output that Python ``version`` ('X.Y' or 'X.Y.Z') prints."""
        if not self.output_per_version:
            return self.path.with_suffix(".out")
        major_minor = ".".join(version.split(".")[:2])
        return self.path.with_name(f"{self.path.stem}.{major_minor}.out")

    def recorded_outputs(self) -> dict[str | None, Path]:
        """Each recorded output by the version that prints it (None: every one)."""
        if not self.output_per_version:
            return {None: self.output_path}
        return {
            version: self.output_path_for(version)
            for version in PYTHON_VERSIONS
            if self.requires_python.contains(f"{version}.99")
        }

    def skip_reason(self, version: str | None = None) -> str | None:
        """Why this example does not run on Python ``version``, or None."""
        if self.skip:
            return self.skip
        version = version or ".".join(map(str, sys.version_info[:3]))
        if version not in self.requires_python:
            return f"needs Python {self.requires_python}, this is {version}"
        return None


def program_of(output: Path) -> Path:
    """The example that records ``output`` (``x.out`` or ``x.3.12.out``)."""
    return output.with_name(re.sub(r"(\.\d+\.\d+)?\.out$", ".py", output.name))


def find_examples(root: Path = EXAMPLES) -> list[Example]:
    """Every example program under ``root``, in a stable order."""
    return [load_example(path) for path in sorted(root.glob("*/*.py"))]


def load_example(path: Path) -> Example:
    metadata = read_metadata(path)
    settings = metadata.get("tool", {}).get("fieldguide", {})
    unknown = set(settings) - _SETTINGS
    if unknown:
        raise ExampleError(
            f"{path}: unknown [tool.fieldguide] setting(s) {sorted(unknown)}; "
            f"known: {sorted(_SETTINGS)}"
        )
    try:
        requires = SpecifierSet(metadata.get("requires-python", ">=3.11"))
    except InvalidSpecifier as error:
        raise ExampleError(f"{path}: bad requires-python: {error}") from None
    timeout = settings.get("timeout", DEFAULT_TIMEOUT)
    if not isinstance(timeout, int | float) or timeout <= 0:
        raise ExampleError(f"{path}: timeout must be a positive number of seconds")
    flags = {
        name: settings.get(name, default)
        for name, default in [
            ("virtual-time", True),
            ("blocks-the-loop", False),
            ("record-stderr", False),
            ("coverage", True),
            ("output-per-version", False),
        ]
    }
    for name, value in flags.items():
        if not isinstance(value, bool):
            raise ExampleError(f"{path}: {name} must be true or false")
    exit_status = settings.get("exit-status", 0)
    if not isinstance(exit_status, int) or isinstance(exit_status, bool):
        raise ExampleError(f"{path}: exit-status must be a whole number")
    skip = settings.get("skip")
    if skip is not None and not (isinstance(skip, str) and skip.strip()):
        raise ExampleError(f"{path}: skip must be a non-empty reason")
    return Example(
        path,
        requires,
        virtual_time=flags["virtual-time"],
        timeout=float(timeout),
        skip=skip,
        blocks_the_loop=flags["blocks-the-loop"],
        record_stderr=flags["record-stderr"],
        coverage=flags["coverage"],
        exit_status=exit_status,
        output_per_version=flags["output-per-version"],
    )


def read_metadata(path: Path) -> dict:
    """The ``# /// script`` block of a file as a dict (empty if there is none)."""
    blocks = [
        match
        for match in _METADATA_BLOCK.finditer(path.read_text(encoding="utf-8"))
        if match["type"] == "script"
    ]
    if not blocks:
        return {}
    if len(blocks) > 1:
        raise ExampleError(f"{path}: more than one '# /// script' block")
    text = "".join(
        line[2:] if line.startswith("# ") else line[1:]
        for line in blocks[0]["content"].splitlines(keepends=True)
    )
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ExampleError(f"{path}: bad '# /// script' block: {error}") from None


@dataclasses.dataclass(frozen=True)
class Run:
    stdout: str
    stderr: str
    returncode: int


class ExampleTimeout(Exception):
    pass


def python_version(python: str) -> str:
    """The version of the interpreter at ``python``, as 'X.Y.Z'.

    Raises OSError or subprocess.CalledProcessError if it cannot be run.
    """
    return subprocess.run(
        [python, "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def has_main_guard(path: Path) -> bool:
    """Whether the program starts under ``if __name__ == "__main__":``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    guards = {"__name__ == '__main__'", "'__main__' == __name__"}
    return any(
        isinstance(node, ast.If) and ast.unparse(node.test) in guards
        for node in tree.body
    )


def run_example(
    example: Example, python: str = sys.executable, extra_env: dict | None = None
) -> Run:
    """Run one example in a fresh interpreter, as strictly as the book requires.

    Warnings are errors, asyncio's debug mode is on, sockets may only reach
    loopback, and unless the example opts out it runs in virtual time (see
    :mod:`fieldguide.runner` and :mod:`fieldguide.virtual_time`).

    An example with ``record-stderr`` is one whose point is a warning or a log
    message: it runs as a reader runs it (default warning filters, no debug
    mode), and its standard error is recorded with its standard output, in the
    order they were written (``Run.stderr`` is then empty).
    """
    env = {
        **os.environ,
        "PYTHONIOENCODING": "utf-8",
        "PYTHONUNBUFFERED": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        "FIELDGUIDE_VIRTUAL_TIME": "1" if example.virtual_time else "0",
        "FIELDGUIDE_BLOCKS_THE_LOOP": "1" if example.blocks_the_loop else "0",
        **(extra_env or {}),
    }
    # A reader's shell sets none of these: the first three change what Python
    # reports, CI and BUILD_NUMBER stop pytest shortening its summary lines,
    # and COLUMNS would change where pytest wraps them.
    for variable in (
        "PYTHONWARNINGS", "PYTHONDEVMODE", "PYTHONASYNCIODEBUG",
        "CI", "BUILD_NUMBER", "COLUMNS",
    ):  # fmt: skip
        env.pop(variable, None)
    # The runner must be importable from any interpreter (see --example-python).
    env["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])
    )
    strict = [] if example.record_stderr else ["-X", "dev", "-W", "error"]
    runner = ["-m", "fieldguide.runner", str(example.path)]
    if os.environ.get("FIELDGUIDE_COVERAGE") == "1" and example.coverage:
        runner = [
            "-m", "coverage", "run",
            f"--rcfile={ROOT / 'pyproject.toml'}",
            f"--data-file={ROOT / 'build' / 'coverage' / '.coverage'}",
            f"--source={EXAMPLES}",
            *runner,
        ]  # fmt: skip
    command = [python, *strict, *runner]
    try:
        completed = subprocess.run(
            command,
            cwd=example.path.parent,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT if example.record_stderr else subprocess.PIPE,
            text=True,
            encoding="utf-8",
            timeout=example.timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ExampleTimeout(
            f"{example.name} ran longer than its limit of {example.timeout:g} s"
        ) from None
    return Run(
        normalise(completed.stdout, example),
        normalise(completed.stderr or "", example),
        completed.returncode,
    )


def normalise(text: str, example: Example) -> str:
    """Remove what truly varies between runs: addresses and absolute paths."""
    text = text.replace(str(example.path.parent) + os.sep, "")
    text = text.replace(str(ROOT) + os.sep, "")
    return _ADDRESS.sub("0x…", text)
