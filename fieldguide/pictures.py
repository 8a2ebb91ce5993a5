"""The book's pictures on its pages: timelines of example runs, and concept diagrams.

A page asks for a picture on a line of its own, indented as deep as the content
it sits in, in the same style as ``{{ example(...) }}``::

    {{ timeline("tasks/gather_collects_results.py") }}
    {{ diagram("event-loop-cycle") }}

A timeline is recorded from a run of the example (:mod:`fieldguide.timeline`):
which task ran when, what it waited on, how it ended. A diagram is drawn by
Graphviz from ``pictures/diagrams/<name>.dot`` (:mod:`fieldguide.diagrams`).
Each picture comes in a light and a dark version, shown by Material with the
page's palette (``#only-light``, ``#only-dark``); paper takes the light one.

The pictures are files in the repository, like the recorded outputs:

* ``pictures/timelines/<chapter>/<example>.json``: the recording, readable in
  ``git diff``; the alt text is made from it when the site is built;
* ``docs/pictures/timelines/<chapter>/<example>.{light,dark}.svg``;
* ``docs/pictures/diagrams/<name>.{light,dark}.svg``.

``make pictures`` (``python -m fieldguide.pictures``) records and draws every
picture a page asks for, removes the ones no page asks for, and lists what it
changed. ``tests/test_pictures.py`` does the same in memory and fails, naming
the file, when a stored picture differs from a fresh one.
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from fieldguide.examples import DOCS, EXAMPLES, ROOT

RECORDINGS = ROOT / "pictures" / "timelines"
SVGS = DOCS / "pictures"
PALETTES = ("light", "dark")

_DIRECTIVE = re.compile(
    r"^(?P<indent>[ \t]*)\{\{\s*(?P<kind>timeline|diagram)\((?P<args>.*)\)\s*\}\}\s*$"
)


class PictureError(Exception):
    """A picture directive is malformed, or its picture is missing or stale."""


@dataclasses.dataclass(frozen=True)
class Picture:
    kind: str  # "timeline" or "diagram"
    name: str  # "tasks/gather_collects_results.py" or "event-loop-cycle"

    def __str__(self) -> str:
        return f"{self.kind}:{self.name}"

    @property
    def path(self) -> Path:
        """What the picture is made from: the example, or the diagram's source."""
        if self.kind == "timeline":
            return EXAMPLES / self.name
        return ROOT / "pictures" / "diagrams" / f"{self.name}.dot"

    @property
    def recording(self) -> Path | None:
        if self.kind == "timeline":
            return RECORDINGS / Path(self.name).with_suffix(".json")
        return None

    def svg(self, palette: str) -> Path:
        stem = self.name.removesuffix(".py")
        return SVGS / f"{self.kind}s" / f"{stem}.{palette}.svg"

    @property
    def files(self) -> list[Path]:
        """Every file stored for this picture."""
        made = [self.svg(palette) for palette in PALETTES]
        return [self.recording, *made] if self.recording else made

    def alt(self) -> str:
        if self.kind == "timeline":
            from fieldguide import timeline

            recording = json.loads(self.recording.read_text(encoding="utf-8"))
            return timeline.describe(recording)
        from fieldguide import diagrams

        return diagrams.alt_text(self.path)

    def record(self, python: str = sys.executable) -> bytes:
        """A timeline's recording, made anew by running its example with ``python``."""
        from fieldguide import timeline

        return timeline.to_json(timeline.record(self.path, python=python)).encode()

    def draw(self, recording: bytes | None = None) -> dict[Path, bytes]:
        """The SVG files: a timeline's from its recording, a diagram's from its source.

        ``recording`` defaults to the one stored in the repository.
        """
        if self.kind == "timeline":
            from fieldguide import timeline

            text = recording if recording is not None else self.recording.read_bytes()
            data = json.loads(text)
            return {self.svg(p): timeline.render_svg(data, p) for p in PALETTES}
        from fieldguide import diagrams

        return {self.svg(p): diagrams.render(self.path, p) for p in PALETTES}

    def fresh(self) -> dict[Path, bytes]:
        """Every stored file's content, made anew: the example is run again."""
        if self.kind == "timeline":
            recording = self.record()
            return {self.recording: recording, **self.draw(recording)}
        return self.draw()


@dataclasses.dataclass(frozen=True)
class Directive:
    picture: Picture
    page: Path
    line: int
    indent: str

    @property
    def where(self) -> str:
        return f"{self.page}:{self.line}"


def find_directives(markdown: str, page: Path) -> Iterator[Directive]:
    for number, text in enumerate(markdown.splitlines(), start=1):
        match = _DIRECTIVE.match(text)
        if match:
            where = f"{page}:{number}"
            name = _argument(match["kind"], match["args"], where)
            picture = Picture(match["kind"], name)
            if not picture.path.is_file():
                shown = picture.path.relative_to(ROOT)
                raise PictureError(f"{where}: {shown} does not exist")
            yield Directive(picture, page, number, match["indent"])


def _argument(kind: str, source: str, where: str) -> str:
    usage = (
        'write {{ timeline("chapter/file.py") }}'
        if kind == "timeline"
        else 'write {{ diagram("name") }} for pictures/diagrams/name.dot'
    )
    try:
        value = ast.literal_eval(source.strip())
    except (SyntaxError, ValueError):
        value = None
    if not isinstance(value, str) or not value:
        raise PictureError(f"{where}: cannot read {kind}({source}): {usage}")
    if kind == "timeline" and not value.endswith(".py"):
        raise PictureError(f"{where}: {kind}({source}) needs a .py file: {usage}")
    return value


def book_pictures(docs: Path = DOCS) -> list[Picture]:
    """Every picture some page asks for, each once, in a stable order."""
    found = {
        directive.picture
        for page in sorted(docs.rglob("*.md"))
        for directive in find_directives(
            page.read_text(encoding="utf-8"), page.relative_to(ROOT)
        )
    }
    return sorted(found, key=lambda p: (p.kind, p.name))


def expand(markdown: str, page: Path, page_depth: int) -> str:
    """Replace the picture directives in a page's Markdown with the pictures.

    ``page_depth`` is how many folders below docs/ the page's source sits.
    """
    if "timeline(" not in markdown and "diagram(" not in markdown:
        return markdown
    lines = markdown.splitlines()
    for directive in find_directives(markdown, page):
        picture = directive.picture
        missing = [f for f in picture.files if not f.is_file()]
        if missing:
            raise PictureError(
                f"{directive.where}: {missing[0].relative_to(ROOT)} does not exist: "
                "run `make pictures` to make it"
            )
        alt = picture.alt().replace("[", "(").replace("]", ")")
        up = "../" * page_depth
        images = [
            f"![{alt}]({up}{picture.svg(palette).relative_to(DOCS).as_posix()}"
            f"#only-{palette}){{ .picture .{picture.kind} loading=lazy }}"
            for palette in PALETTES
        ]
        lines[directive.line - 1] = directive.indent + images[0]
        lines[directive.line - 1] += "\n" + directive.indent + images[1]
    return "\n".join(lines) + ("\n" if markdown.endswith("\n") else "")


def stored() -> set[Path]:
    """Every picture file in the repository, wanted or not."""
    return {
        *RECORDINGS.rglob("*.json"),
        *SVGS.rglob("*.svg"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m fieldguide.pictures",
        description="Record and draw every picture a page asks for (make pictures).",
    )
    parser.parse_args(argv)
    try:
        pictures = book_pictures()
    except PictureError as error:
        print(f"make pictures: {error}", file=sys.stderr)
        return 1
    wanted: set[Path] = set()
    changed: list[str] = []
    for picture in pictures:
        try:
            made = picture.fresh()
        except Exception as error:  # any failure: reported with the picture's name
            print(f"make pictures: {picture}: {error}", file=sys.stderr)
            return 1
        for path, content in made.items():
            wanted.add(path)
            old = path.read_bytes() if path.is_file() else None
            if old != content:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(content)
                verb = "rewrote" if old is not None else "created"
                changed.append(f"{verb} {path.relative_to(ROOT)}")
    for path in sorted(stored() - wanted):
        path.unlink()
        changed.append(f"removed {path.relative_to(ROOT)} (no page shows it)")
    print(f"{len(pictures)} pictures: ", end="")
    print("none changed" if not changed else "\n  " + "\n  ".join(changed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
