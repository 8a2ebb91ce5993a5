"""Every picture on a page is what its example's run, or its source, makes today.

A timeline's recording is made again by running its example (with the
interpreter the examples run on, so `make test-versions` checks that it is the
same on every version), and every picture is drawn again; both are compared
byte for byte with the files stored in the repository (fieldguide/pictures.py
says where). `make pictures` remakes them.
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from fieldguide import pictures
from fieldguide.examples import ROOT

PICTURES = pictures.book_pictures()
TIMELINES = [picture for picture in PICTURES if picture.kind == "timeline"]

_REMAKE = "run `make pictures` and review the change"


@pytest.mark.parametrize("picture", TIMELINES, ids=str)
def test_timeline_matches_a_fresh_run_of_its_example(picture, example_python):
    python, version = example_python
    stored = picture.recording
    name = stored.relative_to(ROOT)
    assert stored.is_file(), f"{name} does not exist: {_REMAKE}"
    fresh = picture.record(python).decode()
    diff = "\n".join(
        difflib.unified_diff(
            stored.read_text(encoding="utf-8").splitlines(),
            fresh.splitlines(),
            fromfile=f"{name} (stored)",
            tofile=f"recorded now, on Python {version}",
            lineterm="",
        )
    )
    assert not diff, (
        f"the timeline of {picture.path.relative_to(ROOT)} is stale: {_REMAKE}\n{diff}"
    )


@pytest.mark.parametrize("picture", PICTURES, ids=str)
def test_picture_is_drawn_from_its_source(picture):
    if picture.kind == "diagram" and shutil.which("dot") is None:
        pytest.skip("Graphviz's dot is not installed (apt-get install graphviz)")
    if picture.kind == "timeline":
        pytest.importorskip("matplotlib", reason="it draws timelines (docs group)")
    problems = []
    for path, content in picture.draw().items():
        name = path.relative_to(ROOT)
        if not path.is_file():
            problems.append(f"{name} does not exist")
        elif path.read_bytes() != content:
            problems.append(f"{name} differs from one drawn now")
    assert not problems, (
        f"the {picture.kind} of {picture.path.relative_to(ROOT)} is stale; "
        f"{_REMAKE}:\n" + "\n".join(problems)
    )


def test_every_stored_picture_is_on_a_page():
    wanted = {path for picture in PICTURES for path in picture.files}
    orphans = sorted(p.relative_to(ROOT).as_posix() for p in pictures.stored() - wanted)
    assert not orphans, f"no page shows these (`make pictures` removes them): {orphans}"


def test_every_diagram_source_is_on_a_page():
    shown = {p.path for p in PICTURES if p.kind == "diagram"}
    sources = set((ROOT / "pictures" / "diagrams").glob("*.dot"))
    assert sources - shown == set(), "diagram sources that no page shows"


def test_the_book_has_its_pictures():
    kinds = [picture.kind for picture in PICTURES]
    assert kinds.count("timeline") >= 10
    assert kinds.count("diagram") >= 4
    # At least one timeline in each chapter from coroutines on.
    chapters = {picture.name.split("/")[0] for picture in TIMELINES}
    part_one = {"coroutines", "futures", "tasks", "async-await", "asyncio-vs-threading"}
    assert part_one <= chapters, part_one - chapters


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ('{{ timeline("tasks/no_such_example.py") }}', "examples/tasks/no_such_"),
        ('{{ timeline("tasks") }}', "needs a .py file"),
        ("{{ diagram(event-loop) }}", "cannot read diagram(event-loop)"),
        ('{{ diagram("no-such-diagram") }}', "pictures/diagrams/no-such-diagram.dot"),
    ],
)
def test_a_bad_directive_names_the_page_and_line(line, says):
    page = "intro\n\n" + line + "\n"
    with pytest.raises(pictures.PictureError) as error:
        pictures.expand(page, Path("docs/x/index.md"), 1)
    assert str(error.value).startswith("docs/x/index.md:3: ")
    assert says in str(error.value)
