"""The concept diagrams: Graphviz sources in pictures/diagrams/, drawn as SVG.

The tests that draw need Graphviz's ``dot``; without it they are skipped with
a message saying how to install it. The error a reader gets when ``dot`` is
missing is tested by hiding it.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET

import pytest

from fieldguide import diagrams

SOURCES = diagrams.sources()
NAMES = [source.stem for source in SOURCES]
SVG = "{http://www.w3.org/2000/svg}"
COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b")

needs_dot = pytest.mark.skipif(
    shutil.which("dot") is None,
    reason=f"diagrams not drawn: Graphviz's dot was not found; {diagrams.INSTALL_HINT}",
)


def test_the_book_has_its_diagrams():
    assert set(NAMES) >= {
        "event-loop-cycle",
        "task-life-cycle",
        "future-states",
        "await-hand-over",
    }


@pytest.mark.parametrize("source", SOURCES, ids=NAMES)
def test_each_source_carries_its_alt_text(source):
    alt = diagrams.alt_text(source)
    assert len(alt.split()) >= 40, "too short to stand in for the picture"
    assert alt.endswith("."), alt
    assert "//" not in alt, alt
    assert "@" not in alt, alt


@needs_dot
@pytest.mark.parametrize("palette", diagrams.PALETTES)
@pytest.mark.parametrize("source", SOURCES, ids=NAMES)
def test_rendering_gives_the_same_bytes_every_time(source, palette):
    first = diagrams.render(source, palette)
    assert diagrams.render(source, palette) == first
    text = first.decode()
    assert "graphviz" not in text.lower()
    assert "<!--" not in text
    assert "<!DOCTYPE" not in text


@needs_dot
@pytest.mark.parametrize("source", SOURCES, ids=NAMES)
def test_svg_is_self_contained_and_scalable(source):
    root = ET.fromstring(diagrams.render(source, "light"))
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox"), "without a viewBox the picture cannot shrink"
    # Its natural size fits a book column; CSS max-width shrinks it on a phone.
    assert root.get("width").endswith("pt")
    assert float(root.get("width").removesuffix("pt")) * 4 / 3 <= 800
    assert root.find(f"{SVG}title").text == diagrams.alt_text(source)
    for element in root.iter():
        assert element.tag != f"{SVG}script"
        assert element.tag != f"{SVG}image"
        for name, value in element.attrib.items():
            assert not name.startswith("on"), (element.tag, name)
            assert "http" not in value, (element.tag, name)
            assert "url(" not in value, (element.tag, name)
    # Text stays text, in a font stack every browser and WeasyPrint can meet.
    texts = list(root.iter(f"{SVG}text"))
    assert texts
    assert {text.get("font-family") for text in texts} == {"Helvetica,Arial,sans-serif"}


@needs_dot
@pytest.mark.parametrize("source", SOURCES, ids=NAMES)
def test_the_two_palettes_differ_only_in_colours(source):
    light = diagrams.render(source, "light").decode()
    dark = diagrams.render(source, "dark").decode()
    assert light != dark
    assert COLOUR.sub("#colour", light) == COLOUR.sub("#colour", dark)
    # Colour by colour, each pair is one entry of the two palettes.
    pairs = {
        (diagrams.PALETTES["light"][name].lower(), value.lower())
        for name, value in diagrams.PALETTES["dark"].items()
    }
    used = set(
        zip(COLOUR.findall(light.lower()), COLOUR.findall(dark.lower()), strict=True)
    )
    assert used <= pairs, used - pairs
    # No colour comes from Graphviz's defaults, and the background is see-through.
    assert 'fill="white"' not in light
    assert 'stroke="black"' not in light
    assert "transparent" not in light


def _contrast(one: str, other: str) -> float:
    def luminance(colour):
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = [
            c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
            for c in channels
        ]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(
    ("palette", "page"), [("light", "#ffffff"), ("dark", "#1e2129")]
)
def test_colours_are_legible_on_their_page(palette, page):
    colours = diagrams.PALETTES[palette]
    fills = [page] + [value for name, value in colours.items() if name.endswith("fill")]
    for ink in ("text", "muted"):
        for fill in fills:
            assert _contrast(colours[ink], fill) >= 4.5, (ink, fill)
    for outline in ("line", "accent", "good", "bad", "cancel", "warm"):
        assert _contrast(colours[outline], page) >= 3, outline


@needs_dot
def test_the_command_writes_both_palettes_of_every_source(tmp_path, capsys):
    assert diagrams.main(["--output", str(tmp_path)]) == 0
    written = sorted(path.name for path in tmp_path.iterdir())
    assert written == sorted(
        f"{name}.{palette}.svg" for name in NAMES for palette in diagrams.PALETTES
    )
    assert capsys.readouterr().err == ""


@needs_dot
def test_a_source_dot_rejects_is_named_in_one_line(tmp_path, capsys):
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(SOURCES[0], sources)
    broken = sources / "broken-arrows.dot"
    broken.write_text("// alt: Nothing much.\ndigraph { a -> ; }\n")
    output = tmp_path / "out"
    assert diagrams.main(["--output", str(output), "--sources", str(sources)]) != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert str(broken) in err
    assert "dot rejected it" in err
    assert not output.exists(), "nothing is written when a source fails"


def test_an_unknown_colour_is_named(tmp_path):
    source = tmp_path / "typo.dot"
    source.write_text('// alt: A box.\ndigraph { a [color="@accnt@"] }\n')
    with pytest.raises(diagrams.DiagramError, match=r"typo\.dot.*@accnt@"):
        diagrams.fill_in(source, "light")


def test_a_source_without_alt_text_is_refused(tmp_path):
    source = tmp_path / "silent.dot"
    source.write_text("digraph { a }\n")
    with pytest.raises(diagrams.DiagramError, match=r"silent\.dot.*// alt:"):
        diagrams.alt_text(source)


def test_missing_graphviz_says_how_to_install_it(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty directory: no dot
    with pytest.raises(diagrams.GraphvizMissing) as caught:
        diagrams.render(SOURCES[0], "light")
    message = str(caught.value)
    assert "\n" not in message
    assert "apt-get install graphviz" in message
    assert diagrams.main(["--output", str(tmp_path / "out")]) != 0
    assert capsys.readouterr().err == f"error: {message}\n"
