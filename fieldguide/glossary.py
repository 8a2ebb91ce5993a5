"""The book's glossary: one file, ``snippets/glossary.toml``, two uses.

Every page gets the glossary's terms as abbreviations, so that hovering over a
term shows its definition (the ``abbr`` extension renders them), and the
glossary page lists every term with a link to the section that explains it
(the page writes ``{{ glossary() }}``). Each entry is::

    [[term]]
    term = "event loop"
    forms = ["event loops"]     # other spellings with the same hover text
    definition = "The scheduler at the centre of asyncio: ..."
    explained = "definitions/index.md#the-event-loop"
    hover = false               # listed, but no hover text (a common word)
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from functools import cache
from pathlib import Path

from fieldguide import pages
from fieldguide.examples import DOCS, ROOT

SOURCE = ROOT / "snippets" / "glossary.toml"
_DIRECTIVE = re.compile(r"^\{\{\s*glossary\(\)\s*\}\}\s*$", re.M)
_KEYS = {"term", "forms", "definition", "explained", "hover"}


class GlossaryError(Exception):
    """The glossary file is malformed, or points at a section that is not there."""


@dataclasses.dataclass(frozen=True)
class Term:
    term: str
    definition: str
    page: str  # relative to docs/, e.g. "tasks/index.md"
    anchor: str
    forms: tuple[str, ...] = ()
    hover: bool = True


def load(source: Path = SOURCE) -> list[Term]:
    """Every entry, checked: keys, types, duplicates, and the section it names."""
    where = source.relative_to(ROOT) if source.is_relative_to(ROOT) else source
    try:
        entries = tomllib.loads(source.read_text(encoding="utf-8")).get("term", [])
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise GlossaryError(f"{where}: cannot read it: {error}") from None
    terms, seen = [], {}
    for number, entry in enumerate(entries, 1):
        label = f"{where}, term {number} ({entry.get('term', '?')!r})"
        unknown = set(entry) - _KEYS
        missing = {"term", "definition", "explained"} - set(entry)
        problems = [f"unknown keys {sorted(unknown)}"] * bool(unknown) + [
            f"missing keys {sorted(missing)}"
        ] * bool(missing)
        if problems:
            raise GlossaryError(f"{label}: {'; '.join(problems)}")
        forms = entry.get("forms", [])
        if not isinstance(forms, list):
            raise GlossaryError(f"{label}: forms must be a list of spellings")
        strings = [entry["term"], entry["definition"], entry["explained"], *forms]
        if not all(isinstance(s, str) and s.strip() for s in strings):
            raise GlossaryError(
                f"{label}: term, definition, explained and forms must be non-empty text"
            )
        if not isinstance(entry.get("hover", True), bool):
            raise GlossaryError(f"{label}: hover must be true or false")
        page, _, anchor = entry["explained"].partition("#")
        if not anchor:
            raise GlossaryError(f"{label}: explained needs a #section anchor")
        for spelling in (entry["term"], *forms):
            if spelling in seen:
                raise GlossaryError(
                    f"{label}: {spelling!r} is also term {seen[spelling]}"
                )
            seen[spelling] = number
        term = Term(
            entry["term"],
            " ".join(entry["definition"].split()),
            page,
            anchor,
            tuple(forms),
            entry.get("hover", True),
        )
        section_title(term)  # raises if the section is not there
        terms.append(term)
    return sorted(terms, key=lambda t: t.term.casefold())


@cache
def _sections(page: str) -> dict[str, str]:
    """A page's chapter title (under "") and its headings by anchor."""
    path = DOCS / page
    if not path.is_file():
        return {}
    found = pages.headings(path.read_text(encoding="utf-8"))
    sections = {heading.anchor: heading.text for heading in found}
    sections[""] = next((h.text for h in found if h.level == 1), page)
    return sections


def section_title(term: Term) -> tuple[str, str]:
    """The chapter's title and the heading of the section that explains ``term``."""
    sections = _sections(term.page)
    if not sections:
        raise GlossaryError(f"{term.term!r}: no page docs/{term.page}")
    if term.anchor not in sections:
        raise GlossaryError(
            f"{term.term!r}: docs/{term.page} has no section #{term.anchor}"
        )
    return sections[""], sections[term.anchor]


def abbreviations(terms: list[Term], text: str | None = None) -> str:
    """The hover text, as Markdown abbreviation definitions.

    With ``text``, only the spellings that occur in it: each one costs the
    ``abbr`` extension a pass over the page, and most pages use few terms.
    """
    return "\n".join(
        f"*[{spelling}]: {term.definition}"
        for term in terms
        if term.hover
        for spelling in (term.term, *term.forms)
        if text is None or re.search(rf"\b{re.escape(spelling)}\b", text)
    )


def _escaped(text: str) -> str:
    """Plain text, such as a definition, kept plain inside Markdown."""
    return re.sub(r"([\\`*_\[\]])", r"\\\1", text).replace("<", "&lt;")


def render(terms: list[Term], page_depth: int) -> str:
    """The glossary page's entries: a definition list, one link per term."""
    up = "../" * page_depth
    lines = []
    for term in terms:
        chapter, section = section_title(term)
        where = (
            pages.plain(chapter)
            if section == chapter
            else pages.plain(chapter) + pages.IN + pages.plain(section)
        )
        lines += [
            term.term,
            f": {_escaped(term.definition)}"
            f" Explained in [{where}]({up}{term.page}#{term.anchor}).",
            "",
        ]
    return "\n".join(lines)


def expand(markdown: str, page: Path, page_depth: int) -> str:
    """Add the hover text to a page; on the glossary page, list the terms."""
    terms = load()
    if _DIRECTIVE.search(markdown):
        markdown = _DIRECTIVE.sub(lambda _: render(terms, page_depth), markdown)
    return f"{markdown}\n\n{abbreviations(terms, markdown)}\n"
