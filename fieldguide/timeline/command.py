"""Record an example's timeline and draw it: ``python -m fieldguide.timeline``.

``python -m fieldguide.timeline EXAMPLE.py --output DIR`` writes
``DIR/<stem>.json`` (the recording), ``DIR/<stem>.light.svg`` and
``DIR/<stem>.dark.svg`` (the pictures). The example runs the way the tests run
it (:func:`fieldguide.examples.run_example`), in virtual time, with the
recorder installed; a recording is only made of a run that ends cleanly and
prints exactly its recorded output, so a picture always shows the run the page
shows.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import tempfile
from pathlib import Path

from fieldguide.examples import (
    EXAMPLES,
    ExampleError,
    ExampleTimeout,
    has_main_guard,
    load_example,
    run_example,
)


class TimelineError(Exception):
    """The example cannot be recorded; the message names it and says why."""


def _shown_name(path: Path) -> str:
    """``tasks/x.py`` for a book example, else the file's name (no folders: the
    recording must not depend on where the file is)."""
    path = path.resolve()
    if path.is_relative_to(EXAMPLES):
        return path.relative_to(EXAMPLES).as_posix()
    return path.name


def record(path: Path, python: str = sys.executable) -> dict:
    """Run the example at ``path`` with the recorder; return the recording.

    Raises :class:`TimelineError` if it is not an example, fails, hangs, writes
    to standard error, or prints anything but its recorded ``.out`` file.
    """
    path = Path(path)
    name = _shown_name(path)
    if path.suffix != ".py" or not path.is_file():
        raise TimelineError(f"{path}: not an example (no such Python file)")
    try:
        guarded = has_main_guard(path)
    except (SyntaxError, UnicodeDecodeError):
        guarded = False
    if not guarded:
        raise TimelineError(f'{name}: not an example (no `if __name__ == "__main__":`)')
    try:
        example = load_example(path.resolve())
    except ExampleError as error:
        raise TimelineError(str(error)) from None
    # Recording needs the virtual clock, even for an example that runs in real
    # time in the tests; its output then shows whether that changes anything.
    example = dataclasses.replace(example, virtual_time=True)
    with tempfile.TemporaryDirectory(prefix="timeline-") as folder:
        out = os.path.join(folder, "recording.json")
        try:
            run = run_example(example, python, extra_env={"FIELDGUIDE_TIMELINE": out})
        except ExampleTimeout as error:
            raise TimelineError(f"{error}; a hung example has no timeline") from None
        if run.returncode != example.exit_status or run.stderr:
            last = (run.stderr.strip().splitlines() or ["no message"])[-1]
            raise TimelineError(
                f"{name}: the example failed (exit status {run.returncode}): {last}"
            )
        expected = example.output_path
        if expected.exists() and run.stdout != expected.read_text(encoding="utf-8"):
            raise TimelineError(
                f"{name}: printed something other than {expected.name} when "
                "recorded in virtual time, so its timeline would not show "
                "the run on the page"
            )
        try:
            with open(out, encoding="utf-8") as file:
                recording = json.load(file)
        except FileNotFoundError:
            raise TimelineError(f"{name}: the example wrote no recording") from None
    if not recording["tasks"]:
        raise TimelineError(f"{name}: the example ran no asyncio task: nothing to draw")
    return {"example": name, **recording}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m fieldguide.timeline",
        description="Record an example's tasks and draw their timeline as SVG.",
    )
    parser.add_argument("example", type=Path, help="the example program (.py)")
    parser.add_argument("--output", type=Path, required=True, help="an existing folder")
    parser.add_argument(
        "--python", default=sys.executable, help="the interpreter to run it with"
    )
    args = parser.parse_args(argv)
    from fieldguide.timeline import to_json
    from fieldguide.timeline.render import PALETTES, render_svg

    try:
        if not args.output.is_dir():
            raise TimelineError(f"{args.output}: no such folder for the output")
        recording = record(args.example, python=args.python)
        stem = args.example.stem
        text = to_json(recording)
        (args.output / f"{stem}.json").write_text(text, encoding="utf-8")
        for palette in PALETTES:
            svg = render_svg(recording, palette)
            (args.output / f"{stem}.{palette}.svg").write_bytes(svg)
    except TimelineError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0
