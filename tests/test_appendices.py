"""The appendices keep their promises: each error message leads to the page that
explains it, and the glossary is the one source of the book's definitions."""

from __future__ import annotations

import json
import posixpath
import re
from html import unescape

import pytest

from fieldguide import glossary, pages
from fieldguide.examples import DOCS, EXAMPLES, ROOT, load_example

ERRORS = DOCS / "appendices" / "error-messages.md"
_ENTRY = re.compile(r"^### `(?P<message>[^`]+)`\s*$(?P<body>.*?)(?=^#|\Z)", re.M | re.S)
_LINK = re.compile(r"\]\((?P<target>[^)\s]+)\)")


def _entries():
    """(message, page relative to docs/, anchor) for each entry, in page order."""
    found = []
    for match in _ENTRY.finditer(ERRORS.read_text(encoding="utf-8")):
        link = _LINK.search(match["body"])
        assert link, f"error-messages.md: {match['message']!r} links to no page"
        path, _, anchor = link["target"].partition("#")
        page = posixpath.normpath(posixpath.join("appendices", path))
        found.append((match["message"], page, anchor))
    return found


def _fixed_parts(message):
    """The parts of a message that are the same on every machine."""
    parts = message.split("\N{HORIZONTAL ELLIPSIS}")
    return [" ".join(part.split()) for part in parts if part.strip()]


def test_the_error_messages_page_has_entries():
    assert len(_entries()) >= 15


@pytest.mark.parametrize(("message", "page", "anchor"), _entries())
def test_each_message_links_to_a_section_that_shows_it(message, page, anchor):
    """The page shows the message, in its prose or in an example's output."""
    markdown = (DOCS / page).read_text(encoding="utf-8")
    anchors = {heading.anchor for heading in pages.headings(markdown)}
    assert anchor in anchors, f"{message!r}: docs/{page} has no section #{anchor}"
    shown = [markdown]
    for directive in pages.find_directives(markdown, (DOCS / page).relative_to(ROOT)):
        for output in (
            load_example(EXAMPLES / directive.name).recorded_outputs().values()
        ):
            shown.append(output.read_text(encoding="utf-8"))
    text = " ".join(" ".join(shown).split())  # prose wraps a message anywhere
    missing = [part for part in _fixed_parts(message) if part not in text]
    assert not missing, f"docs/{page} never shows {missing} of {message!r}"


@pytest.mark.slow
def test_a_search_for_each_message_finds_the_page_that_explains_it(site):
    """The site's search index holds each message's text on the linked page."""
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    by_page = {}
    for doc in index["docs"]:
        page = doc["location"].partition("#")[0]
        by_page.setdefault(page, []).append(
            unescape(re.sub(r"<[^>]+>", "", doc["text"]))
        )
    lost = []
    for message, page, _ in _entries():
        url = page.removesuffix("index.md")
        text = " ".join(" ".join(by_page.get(url, [])).split())
        if not all(part in text for part in _fixed_parts(message)):
            lost.append(f"{message!r} (on {url})")
    assert not lost, (
        "the search index does not find these where they link:\n" + "\n".join(lost)
    )


def test_the_glossary_is_the_one_source_of_definitions():
    terms = glossary.load()  # checks every entry and the section it names
    assert len(terms) >= 60
    assert not (ROOT / "snippets" / "abbreviations.md").exists()
    for config in ROOT.glob("mkdocs*.yml"):
        assert "abbreviations.md" not in config.read_text(encoding="utf-8")


@pytest.mark.slow
def test_pages_show_glossary_definitions_on_hover(site):
    term = next(t for t in glossary.load() if t.term == "event loop")
    chapter = (site / "definitions" / "index.html").read_text(encoding="utf-8")
    assert f'<abbr title="{term.definition}">event loop</abbr>' in unescape(chapter)
    page = (site / "appendices" / "glossary" / "index.html").read_text("utf-8")
    listed = " ".join(unescape(re.sub(r"<[^>]+>", "", page)).split())
    missing = [t.term for t in glossary.load() if t.definition not in listed]
    assert not missing, f"terms missing from the glossary page: {missing}"


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            'term = "x"\ndefinition = "d"\n',
            r"term 1 \('x'\): missing keys \['explained'\]",
        ),
        (
            'term = "x"\ndefinition = "d"\nexplained = "tasks/index.md#a"\n'
            'forms = "xs"\n',
            "forms must be a list",
        ),
        ('term = "x"\ndefinition = "d"\nexplained = "tasks/index.md"\n', "anchor"),
        (
            'term = "x"\ndefinition = "d"\nexplained = "tasks/index.md#nowhere"\n',
            "has no section #nowhere",
        ),
        ('term = "x"\ndefinition = "d"\nexplained = "no/page.md#a"\n', "no page"),
    ],
)
def test_a_glossary_entry_that_points_nowhere_is_refused(tmp_path, entry, message):
    source = tmp_path / "glossary.toml"
    source.write_text("[[term]]\n" + entry)
    with pytest.raises(glossary.GlossaryError, match=message):
        glossary.load(source)


def test_a_page_gets_hover_text_only_for_the_terms_it_uses():
    terms = glossary.load()
    text = glossary.abbreviations(terms, "The event loop runs one callback.")
    assert text.splitlines() == [
        f"*[{t.term}]: {t.definition}"
        for t in terms
        if t.term in ("callback", "event loop")
    ]
