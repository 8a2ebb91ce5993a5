"""The API index: every public name in ``asyncio.__all__``, and where the book uses it.

``make api-index`` (``python -m fieldguide.api_index``) writes
``docs/appendices/api-index.md`` from two sources: the examples, read with
``ast`` for ``asyncio.NAME`` and ``from asyncio import NAME``, and
``fieldguide/asyncio_names.json``, the names of the newest Python the book's
examples run on with the address of each one's documentation. Each name links
to the sections whose examples use it; names no example uses are listed apart,
so that the gaps show. ``tests/test_api_index.py`` fails when the page is stale.

``python -m fieldguide.api_index --compare PYTHON`` says how an interpreter's
``asyncio.__all__`` differs from the stored names, for when the book moves to a
newer Python.
"""

from __future__ import annotations

import argparse
import ast
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

from fieldguide import pages
from fieldguide.examples import DOCS, EXAMPLES, ROOT

NAMES = ROOT / "fieldguide" / "asyncio_names.json"
PAGE = DOCS / "appendices" / "api-index.md"
_PAGE_DEPTH = 1  # appendices/api-index/ is one folder below the site's root


class ApiIndexError(Exception):
    """An interpreter to compare with cannot be run."""


def names_used(path: Path) -> set[str]:
    """What an example takes from asyncio: ``asyncio.X``, ``from asyncio import X``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    aliases = {"asyncio"}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            aliases |= {
                a.asname for a in node.names if a.name == "asyncio" and a.asname
            }
    used = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "asyncio":
            used |= {alias.name for alias in node.names}
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
        ):
            used.add(node.attr)
    return used


def where_shown() -> dict[str, list[tuple[str, pages.Heading, str]]]:
    """For each example, the pages and sections that show it, in book order.

    Values are (page relative to docs/, section heading, chapter title).
    """
    shown = defaultdict(list)
    for page in _pages_in_book_order():
        markdown = page.read_text(encoding="utf-8")
        found = pages.headings(markdown)
        title = next((h.text for h in found if h.level == 1), page.stem)
        for directive in pages.find_directives(markdown, page.relative_to(ROOT)):
            above = [h for h in found if h.line < directive.line and h.level > 1]
            heading = above[-1] if above else found[0]
            entry = (page.relative_to(DOCS).as_posix(), heading, title)
            if entry not in shown[directive.name]:
                shown[directive.name].append(entry)
    return shown


def _pages_in_book_order() -> list[Path]:
    """The pages in the order of the site's navigation (mkdocs.yml)."""
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").partition("\nnav:\n")[2]
    order = []
    for line in nav.splitlines():
        if line and not line.startswith(" "):
            break  # the next top-level setting
        entry = line.strip().removeprefix("- ").split(":")[-1].strip().strip('"')
        if entry.endswith(".md"):
            order.append(entry)
    return [DOCS / name for name in order if (DOCS / name).is_file()]


def render(names: dict, shown: dict, uses: dict[str, set[str]]) -> str:
    """The page's Markdown."""
    public = names["names"]
    by_name = defaultdict(list)  # name -> examples using it, in book order
    for example in shown:
        for name in uses.get(example, ()):
            if name in public:
                by_name[name].append(example)
    used = sorted(by_name, key=str.casefold)
    unused = sorted(set(public) - set(by_name), key=str.casefold)
    share = round(100 * len(used) / len(public))
    up = "../" * _PAGE_DEPTH
    lines = [
        "# API index",
        "",
        "<!-- Written by `make api-index` from the examples: do not edit by hand."
        " A test fails when it is out of date. -->",
        "",
        f"Every public name in `asyncio.__all__` on Python {names['python']}, the"
        " newest Python the book's examples run on, with the sections whose"
        " examples use it. A name counts as used when an example writes"
        " `asyncio.NAME` or `from asyncio import NAME`; methods of a loop, a"
        " task or a stream are not names of their own, so they are not listed."
        f" Python {names['python']}'s `__all__` also holds {len(names['private'])}"
        " private names (" + ", ".join(f"`{n}`" for n in names["private"]) + "),"
        " which are left out.",
        "",
        f"**{len(used)} of the {len(public)} names ({share}%) appear in the"
        f" examples; the other {len(unused)} are [listed at the end](#never-shown),"
        " so that the gaps show.** Each name links to its entry in Python's"
        " documentation.",
        "",
        "## Used in the examples",
        "",
    ]
    for name in used:
        sections = {}  # (page, anchor) -> (link text, [example files])
        for example in by_name[name]:
            for page, heading, title in shown[example]:
                key = (page, heading.anchor)
                text = pages.plain(title) + pages.IN + pages.plain(heading.text)
                sections.setdefault(key, (text, []))[1].append(example)
        parts = [
            f"[{text}]({up}{page}#{anchor}) ("
            + ", ".join(f"`{Path(e).name}`" for e in examples)
            + ")"
            for (page, anchor), (text, examples) in sections.items()
        ]
        count = len(by_name[name])
        lines += [
            f"[`asyncio.{name}`]({public[name]})",
            f": {count} example{'s' * (count != 1)}: " + "; ".join(parts) + ".",
            "",
        ]
    lines += [
        "## Never shown",
        "",
        "No example uses these names yet. Most are low-level (transports and"
        " protocols, event loop policies, child watchers) or are reached through"
        " another object (a stream's reader and writer come from"
        " `open_connection()`).",
        "",
    ]
    lines += [f"- [`asyncio.{name}`]({public[name]})" for name in unused]
    return "\n".join(lines) + "\n"


def build() -> str:
    names = json.loads(NAMES.read_text(encoding="utf-8"))
    shown = where_shown()
    uses = {name: names_used(EXAMPLES / name) for name in shown}
    return render(names, shown, uses)


def compare(python: str) -> str:
    """How ``python``'s ``asyncio.__all__`` differs from the stored names."""
    script = (
        "import asyncio, sys; print('%d.%d.%d' % sys.version_info[:3]);"
        " print(*sorted(asyncio.__all__))"
    )
    try:
        result = subprocess.run([python, "-c", script], capture_output=True, text=True)
    except OSError as error:
        raise ApiIndexError(f"{python}: cannot run it: {error}") from None
    if result.returncode:
        raise ApiIndexError(f"{python}: cannot run it: {result.stderr.strip()}")
    version, names = result.stdout.splitlines()
    stored = json.loads(NAMES.read_text(encoding="utf-8"))
    theirs = set(names.split())
    ours = set(stored["names"]) | set(stored["private"])
    if theirs == ours:
        return f"Python {version} has the same {len(ours)} names as {stored['python']}"
    return (
        f"Python {version} against {stored['python']}:"
        f"\n  added: {' '.join(sorted(theirs - ours)) or 'none'}"
        f"\n  removed: {' '.join(sorted(ours - theirs)) or 'none'}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--compare", metavar="PYTHON", help="compare an interpreter's asyncio.__all__"
    )
    options = parser.parse_args(argv)
    if options.compare:
        try:
            print(compare(options.compare))
        except ApiIndexError as error:
            parser.error(str(error))
        return 0
    text = build()
    if PAGE.is_file() and PAGE.read_text(encoding="utf-8") == text:
        print(f"{PAGE.relative_to(ROOT)} is up to date")
    else:
        PAGE.write_text(text, encoding="utf-8")
        print(f"wrote {PAGE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
