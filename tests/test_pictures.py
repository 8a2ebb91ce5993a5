"""Every picture on a page is what its example's run, or its source, makes today.

A timeline is recorded again from its example and a diagram drawn again from
its source, in memory, and compared byte for byte with the files stored in the
repository (fieldguide/pictures.py says where). `make pictures` remakes them.
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from fieldguide import pictures
from fieldguide.examples import ROOT

PICTURES = pictures.book_pictures()


@pytest.mark.parametrize("picture", PICTURES, ids=str)
def test_picture_matches_a_fresh_recording(picture):
    if picture.kind == "diagram" and shutil.which("dot") is None:
        pytest.skip("Graphviz's dot is not installed (apt-get install graphviz)")
    problems = []
    for path, content in picture.fresh().items():
        name = path.relative_to(ROOT)
        if not path.is_file():
            problems.append(f"{name} does not exist")
        elif path.read_bytes() != content:
            problems.append(f"{name} differs from a fresh one")
            if path.suffix == ".json":
                problems.extend(
                    difflib.unified_diff(
                        path.read_text(encoding="utf-8").splitlines(),
                        content.decode().splitlines(),
                        fromfile=f"{name} (stored)",
                        tofile="recorded now",
                        lineterm="",
                    )
                )
    assert not problems, (
        f"the {picture.kind} of {picture.path.relative_to(ROOT)} is stale; run "
        "`make pictures` and review the change:\n" + "\n".join(problems)
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
    assert kinds.count("diagram") >= 4


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
