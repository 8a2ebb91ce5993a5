"""The book's concept diagrams, drawn by Graphviz from sources in pictures/diagrams/.

A source is a ``.dot`` file. Its first lines are the picture's alt text, a
comment block that begins ``// alt:``; the block ends at the first line that is
not a ``//`` comment, or at an empty ``//`` line. Colours are never written
out: the source names a colour of the palette as a placeholder such as
``@text@`` or ``@accent@``, and :func:`render` fills in the light palette (for a
white page) or the dark one (for Material's slate background, about #1e2129).
Backgrounds stay transparent, so one source gives two pictures that differ in
their colours only.

Render them all with ``python -m fieldguide.diagrams --output DIR``; each
source ``NAME.dot`` becomes ``DIR/NAME.light.svg`` and ``DIR/NAME.dark.svg``.

The SVG keeps Graphviz's natural size (a diagram is drawn to fit a column of
about 700 px) and its viewBox, so ``img { max-width: 100%; height: auto }``,
which Material already applies to ``.md-typeset img``, shrinks it on a phone.
A width of 100% would not do: an image without a natural width collapses in a
box that shrinks to fit its content, such as Material's ``<figure>``, and
WeasyPrint sizes it wrongly. Sources write their font as
``Helvetica,Arial,sans-serif``: Graphviz then measures text with Arial's
metrics (Liberation Sans on Linux), which is what browsers and WeasyPrint draw
it with, so labels made of several runs, such as a bold word and plain text,
line up. Text stays text.
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "pictures" / "diagrams"

# The same colours as the benchmark plots where the two overlap; every pair of
# text and fill colours has a contrast ratio of at least 4.5 (tests check it).
PALETTES: dict[str, dict[str, str]] = {
    "light": {
        "text": "#1f2328",  # labels
        "muted": "#59636e",  # edge labels and notes
        "line": "#59636e",  # outlines and arrows
        "fill": "#f6f8fa",  # an ordinary box
        "accent": "#0969da",  # what the picture is about
        "accentfill": "#ddf4ff",
        "good": "#1a7f37",  # a result
        "goodfill": "#dafbe1",
        "bad": "#cf222e",  # an exception
        "badfill": "#ffebe9",
        "cancel": "#8250df",  # cancellation
        "cancelfill": "#fbefff",
        "warm": "#bc4c00",  # a second highlight: timers, a future
        "warmfill": "#fff1e5",
    },
    "dark": {
        "text": "#e6edf3",
        "muted": "#9ea6ae",
        "line": "#9ea6ae",
        "fill": "#2a2f39",
        "accent": "#58a6ff",
        "accentfill": "#1c3150",
        "good": "#3fb950",
        "goodfill": "#1c3a27",
        "bad": "#f85149",
        "badfill": "#45262a",
        "cancel": "#bc8cff",
        "cancelfill": "#35294d",
        "warm": "#f0883e",
        "warmfill": "#3d2c1f",
    },
}

INSTALL_HINT = "install Graphviz (apt-get install graphviz, brew install graphviz)"

_PLACEHOLDER = re.compile(r"@([A-Za-z]+)@")
_COMMENT = re.compile(r"<!--.*?-->\s*", re.DOTALL)
_TITLE = re.compile(r"<title>.*?</title>\s*", re.DOTALL)
_TEXT = re.compile(r"(<text[^>]*>)(.*?)(</text>)", re.DOTALL)
_DOCTYPE = re.compile(r"<!DOCTYPE[^>]*>\s*")


class DiagramError(Exception):
    """A diagram cannot be drawn: its source is malformed or Graphviz rejects it."""


class GraphvizMissing(DiagramError):
    """Graphviz's ``dot`` command is not installed."""


def sources(directory: Path = SOURCES) -> list[Path]:
    """Every diagram source, in name order."""
    return sorted(directory.glob("*.dot"))


def alt_text(source: Path) -> str:
    """The picture's description for readers who cannot see it."""
    lines = source.read_text(encoding="utf-8").splitlines()
    if not lines or not lines[0].startswith("// alt:"):
        raise DiagramError(f"{source}: the first line must begin '// alt:'")
    words = [lines[0].removeprefix("// alt:").strip()]
    for line in lines[1:]:
        if not line.startswith("//") or not line[2:].strip():
            break
        words.append(line[2:].strip())
    text = " ".join(word for word in words if word)
    if not text:
        raise DiagramError(f"{source}: the alt text is empty")
    return text


def dot_command() -> str:
    """The path of ``dot``, or :class:`GraphvizMissing` with what to do about it."""
    path = shutil.which("dot")
    if path is None:
        raise GraphvizMissing(f"Graphviz's dot command was not found: {INSTALL_HINT}")
    return path


def fill_in(source: Path, palette: str) -> str:
    """The source's text with the palette's colours in place of its placeholders."""
    colours = PALETTES[palette]
    text = source.read_text(encoding="utf-8")
    unknown = sorted(set(_PLACEHOLDER.findall(text)) - set(colours))
    if unknown:
        names = ", ".join(f"@{name}@" for name in unknown)
        raise DiagramError(f"{source}: unknown colour placeholder {names}")
    return _PLACEHOLDER.sub(lambda match: colours[match[1]], text)


def render(source: Path, palette: str) -> bytes:
    """The diagram as SVG bytes in one palette, the same bytes on every run.

    Raises :class:`GraphvizMissing` if ``dot`` is not installed, and
    :class:`DiagramError`, naming the file, if ``dot`` rejects the source or
    warns about it.
    """
    if palette not in PALETTES:
        raise ValueError(f"palette must be one of {sorted(PALETTES)}, not {palette!r}")
    alt = alt_text(source)
    result = subprocess.run(
        [dot_command(), "-Tsvg"],
        input=fill_in(source, palette).encode(),
        capture_output=True,
        check=False,
    )
    # dot reads the filled-in text from stdin, so its messages say "<stdin>".
    problems = [
        line.strip().replace("<stdin>: ", "")
        for line in result.stderr.decode(errors="replace").splitlines()
        if line.strip()
    ]
    if result.returncode != 0 or problems:
        detail = "; ".join(problems) or f"exit status {result.returncode}"
        raise DiagramError(f"{source}: dot rejected it: {detail}")
    return _tidy(result.stdout.decode(), alt).encode()


def _tidy(svg: str, alt: str) -> str:
    # Graphviz names its version in a comment, and the graph and every node in
    # <title>s; only the alt text is worth keeping, as the picture's own title.
    svg = _COMMENT.sub("", svg)
    svg = _DOCTYPE.sub("", svg)
    svg = _TITLE.sub("", svg)
    # SVG drops spaces at either end of a <text>, where Graphviz leaves the one
    # between a bold word and the next; a no-break space is kept.
    svg = _TEXT.sub(_keep_edge_spaces, svg)
    svg = _insert_title(svg, alt)
    # "transparent" is CSS, not SVG 1.1; "none" means the same everywhere.
    return svg.replace('"transparent"', '"none"')


def _keep_edge_spaces(match: re.Match[str]) -> str:
    start, text, end = match.groups()
    stripped = text.strip(" ")
    if not stripped:
        return match[0]
    before = len(text) - len(text.lstrip(" "))
    after = len(text) - len(text.rstrip(" "))
    return start + "&#160;" * before + stripped + "&#160;" * after + end


def _insert_title(svg: str, alt: str) -> str:
    start = svg.index("<svg ")
    end = svg.index(">", start) + 1
    return svg[:end] + f"\n<title>{html.escape(alt, quote=False)}</title>" + svg[end:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m fieldguide.diagrams",
        description="Render every diagram source to SVG, in the light and dark "
        "palettes: NAME.dot becomes NAME.light.svg and NAME.dark.svg.",
    )
    parser.add_argument("--output", type=Path, required=True, metavar="DIR")
    parser.add_argument(
        "--sources",
        type=Path,
        default=SOURCES,
        metavar="DIR",
        help="where the .dot files are (default: pictures/diagrams)",
    )
    args = parser.parse_args(argv)
    found = sources(args.sources)
    if not found:
        print(f"error: no .dot files in {args.sources}", file=sys.stderr)
        return 1
    try:
        drawn = {
            f"{source.stem}.{palette}.svg": render(source, palette)
            for source in found
            for palette in PALETTES
        }
    except DiagramError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    args.output.mkdir(parents=True, exist_ok=True)
    for name, svg in drawn.items():
        (args.output / name).write_bytes(svg)
    print(f"{len(drawn)} diagrams written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
