"""The ``{{ example(...) }}`` directive that puts an example on a page.

A line of its own in a page's Markdown, indented as deep as the content it sits in::

    {{ example("definitions/task_runs_beside_main.py") }}
    {{ example("definitions/task_runs_beside_main.py", "create") }}
    {{ example("case-study-crawler/crawl.py", "fetch", output=False) }}

becomes the code (the whole file, or the named ``# --8<-- [start:NAME]``
section of it) with its recorded output (the ``.out`` file) directly beneath,
both always in view. ``output=False`` leaves the output out, for a second
excerpt of a file whose output a page already shows with another one. Both
are pulled in by pymdownx.snippets with ``check_paths`` on, so the build also
fails if a file goes missing; this module checks first so that the error names
the page, the line and the example.
"""

from __future__ import annotations

import ast
import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path

from markdown.extensions.toc import slugify

from fieldguide.examples import EXAMPLES, load_example

_DIRECTIVE = re.compile(r"^(?P<indent>[ \t]*)\{\{\s*example\((?P<args>.*)\)\s*\}\}\s*$")
# The label above every recorded output, on screen and on paper.
OUTPUT_TITLE = "Output, as the tests recorded it"
_SECTION_MARKER = re.compile(r"--8<-- \[(?P<kind>start|end):(?P<name>[^\]]+)\]")


class DirectiveError(Exception):
    """A directive on a page is malformed or points at something missing."""


@dataclasses.dataclass(frozen=True)
class Directive:
    page: Path
    line: int  # 1-based
    indent: str
    name: str  # path below examples/, e.g. "definitions/task_runs_beside_main.py"
    section: str | None
    output: bool = True  # show the recorded output beneath the code

    @property
    def where(self) -> str:
        return f"{self.page}:{self.line}"

    @property
    def path(self) -> Path:
        return EXAMPLES / self.name


def sections(path: Path) -> set[str]:
    """Names of the snippet sections that are both opened and closed in ``path``."""
    starts, ends = set(), set()
    for match in _SECTION_MARKER.finditer(path.read_text(encoding="utf-8")):
        (starts if match["kind"] == "start" else ends).add(match["name"])
    return starts & ends


@dataclasses.dataclass(frozen=True)
class Heading:
    line: int  # 1-based
    level: int
    text: str  # as written, Markdown and all
    anchor: str  # the id the built page gives it


_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


def headings(markdown: str) -> list[Heading]:
    """A page's headings with the anchors MkDocs gives them (code blocks skipped).

    Anchors are made as the ``toc`` extension makes them: the heading's text
    slugified, and ``_1``, ``_2`` ... added to repeats.
    """
    found, seen, fence = [], set(), None
    for number, text in enumerate(markdown.splitlines(), start=1):
        if match := _FENCE.match(text):
            if fence is None:
                fence = match[1]
            elif match[1] == fence:
                fence = None
            continue
        match = _HEADING.match(text)
        if fence is None and match:
            anchor = base = slugify(match["text"], "-")
            count = 0
            while anchor in seen:
                count += 1
                anchor = f"{base}_{count}"
            seen.add(anchor)
            found.append(Heading(number, len(match["hashes"]), match["text"], anchor))
    return found


# Between a chapter's title and a section's title, in the text of a link.
IN = " \N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK} "


def plain(text: str) -> str:
    """A heading's text for use inside a link's text: no brackets of its own."""
    return text.replace("[", "(").replace("]", ")")


def find_directives(markdown: str, page: Path) -> Iterator[Directive]:
    for number, text in enumerate(markdown.splitlines(), start=1):
        match = _DIRECTIVE.match(text)
        if match:
            name, section, output = _parse_arguments(match["args"], f"{page}:{number}")
            yield Directive(page, number, match["indent"], name, section, output)


def _parse_arguments(source: str, where: str) -> tuple[str, str | None, bool]:
    usage = (
        'write {{ example("chapter/file.py") }} '
        'or {{ example("chapter/file.py", "section") }}, '
        "optionally with output=False"
    )
    try:
        call = ast.parse(f"f({source})", mode="eval").body
        args = [ast.literal_eval(arg) for arg in call.args]
        keywords = {k.arg: ast.literal_eval(k.value) for k in call.keywords}
    except (SyntaxError, ValueError):
        raise DirectiveError(
            f"{where}: cannot read example({source}): {usage}"
        ) from None
    if (
        not 1 <= len(args) <= 2
        or not all(isinstance(a, str) for a in args)
        or set(keywords) - {"output"}
        or not isinstance(keywords.get("output", True), bool)
    ):
        raise DirectiveError(
            f"{where}: example({source}) has the wrong arguments: {usage}"
        )
    return args[0], (args[1] if len(args) == 2 else None), keywords.get("output", True)


def check(directive: Directive) -> None:
    """Raise DirectiveError unless the example, its output and its section exist."""
    where, name = directive.where, directive.name
    if not name.endswith(".py") or not directive.path.is_file():
        raise DirectiveError(f"{where}: no example examples/{name}")
    missing = [
        path.name
        for path in load_example(directive.path).recorded_outputs().values()
        if not path.is_file()
    ]
    if missing:
        raise DirectiveError(
            f"{where}: examples/{name} has no recorded output {', '.join(missing)}; "
            f"run `make update-examples EXAMPLE={name}` to record it"
        )
    if directive.section and directive.section not in sections(directive.path):
        raise DirectiveError(
            f"{where}: examples/{name} has no section {directive.section!r} "
            f"(it has {sorted(sections(directive.path)) or 'none'})"
        )


def first_shown_line(path: Path) -> int:
    """The 1-based line where a whole-file listing starts.

    The ``# /// script`` block at the top holds settings for ``uv run`` and the
    test harness, not for the reader, so the listing starts after it.
    """
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0] != "# /// script":
        return 1
    end = lines.index("# ///", 1) + 1
    while end < len(lines) and not lines[end].strip():
        end += 1
    return end + 1


def section_start(path: Path, section: str) -> int:
    """The 1-based line of the first line inside a section."""
    lines = path.read_text(encoding="utf-8").splitlines()
    marker = f"[start:{section}]"
    return next(n for n, line in enumerate(lines, 2) if marker in line)


def render(directive: Directive, source: str | None = None) -> str:
    """The listing and its output that replace a directive, at its indentation.

    Line numbers are those of the file itself, so that they match the line
    numbers in the tracebacks and warnings an example prints. ``source`` is the
    address of the repository's tree on its default branch; with it, links to
    view and edit the example's file follow the output.
    """
    name, section = directive.name, directive.section
    if section:
        snippet, first = f"{name}:{section}", section_start(directive.path, section)
    elif (first := first_shown_line(directive.path)) > 1:
        snippet = f"{name}:{first}:"
    else:
        snippet = name
    title = f"examples/{name}" + (" (excerpt)" if section else "")
    # Classes, not tabs: the stylesheets bound a long output's height on
    # screen and label both blocks on paper; .no-copy keeps the copy button
    # for the code alone.
    lines = [
        f'``` {{ .python .example-code title="{title}" linenums="{first}" }}',
        f'--8<-- "{snippet}"',
        "```",
    ]
    outputs = load_example(directive.path).recorded_outputs()
    if directive.output and list(outputs) == [None]:
        lines += ["", *_output_block(outputs[None])]
    elif directive.output:
        # One tab per Python version, when the versions print different things.
        for version, path in outputs.items():
            lines += ["", f'=== "Python {version}"', ""]
            lines += ["    " + line for line in _output_block(path, version)]
    if source:
        view = f"{source}/blob/main/examples/{name}"
        edit = f"{source}/edit/main/examples/{name}"
        lines += [
            "",
            f"[:material-file-eye-outline: View the file]({view}){{ .example-link }}"
            f" [:material-pencil-outline: Edit it]({edit}){{ .example-link }}",
        ]
    return "\n".join(directive.indent + line if line else "" for line in lines)


def _output_block(path: Path, version: str | None = None) -> list[str]:
    # On paper every tab prints, one under another: each says its version.
    marker = f" .python-{version.replace('.', '-')}" if version else ""
    return [
        f'``` {{ .text .example-output{marker} .no-copy title="{OUTPUT_TITLE}" }}',
        f'--8<-- "{path.relative_to(EXAMPLES).as_posix()}"',
        "```",
    ]


def expand(markdown: str, page: Path, source: str | None = None) -> str:
    """Replace every directive in a page's Markdown with its listing and output."""
    by_line = {}
    for directive in find_directives(markdown, page):
        check(directive)
        by_line[directive.line] = render(directive, source)
    if not by_line:
        return markdown
    lines = markdown.splitlines()
    for number, replacement in by_line.items():
        lines[number - 1] = replacement
    return "\n".join(lines) + "\n"
