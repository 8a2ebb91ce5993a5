"""The book as a whole: pages and examples agree, the code is tidy, the site builds."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from pytest_examples import CodeExample, EvalExample, find_examples

from fieldguide import pages
from fieldguide.examples import (
    DOCS,
    EXAMPLES,
    ROOT,
    has_main_guard,
    load_example,
    program_of,
)

MARKDOWN = sorted(DOCS.rglob("*.md"))
PROGRAMS = sorted(EXAMPLES.glob("*/*.py"))


def _directives():
    for page in MARKDOWN:
        yield from pages.find_directives(
            page.read_text(encoding="utf-8"), page.relative_to(ROOT)
        )


def test_every_example_is_shown_on_a_page():
    shown = {directive.name for directive in _directives()}
    hidden = [
        f"examples/{name}"
        for path in PROGRAMS
        if (name := path.relative_to(EXAMPLES).as_posix()) not in shown
    ]
    assert not hidden, (
        "these examples are on no page; show each with "
        '{{ example("chapter/file.py") }} or delete it: ' + ", ".join(hidden)
    )


def test_every_example_is_shown_with_its_output_somewhere():
    with_output = {d.name for d in _directives() if d.output}
    without = sorted({d.name for d in _directives()} - with_output)
    assert not without, (
        "these examples appear only with output=False; show the output under "
        "one of their excerpts: " + ", ".join(without)
    )


def test_every_recorded_output_belongs_to_an_example():
    orphans = [
        str(out.relative_to(ROOT))
        for out in sorted(EXAMPLES.glob("**/*.out"))
        if not program_of(out).is_file()
        or out not in load_example(program_of(out)).recorded_outputs().values()
    ]
    assert not orphans, "recorded outputs with no example: " + ", ".join(orphans)


def test_examples_live_in_chapter_folders():
    misplaced = [
        str(path.relative_to(ROOT))
        for path in EXAMPLES.rglob("*.py")
        if len(path.relative_to(EXAMPLES).parts) != 2
    ]
    assert not misplaced, "examples belong in examples/<chapter>/: " + ", ".join(
        misplaced
    )
    chapters = {path.parent.name for path in PROGRAMS}
    assert chapters <= {p.name for p in DOCS.iterdir() if p.is_dir()}, (
        "every examples/<chapter>/ folder needs a docs/<chapter>/ page"
    )


def test_every_directive_finds_its_example_output_and_section():
    problems = []
    for directive in _directives():
        try:
            pages.check(directive)
        except pages.DirectiveError as error:
            problems.append(str(error))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "path", PROGRAMS, ids=[p.relative_to(EXAMPLES).as_posix() for p in PROGRAMS]
)
def test_example_is_a_complete_program(path):
    """A program a reader can run: it starts under a ``__main__`` guard.

    Nothing more is asked of its shape: an asyncio lesson has ``async def
    main()`` and ``asyncio.run(main())``, a synchronous one (sequential code,
    threads, processes) is the plain program a reader would write.
    """
    where = path.relative_to(ROOT)
    assert has_main_guard(path), f'{where} has no `if __name__ == "__main__":` block'
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            modules = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
            )
            assert not any(m.split(".")[0] == "fieldguide" for m in modules), (
                f"{where} imports the book's tooling; examples must stand alone"
            )


# --- style: what `make lint` checks (.pre-commit-config.yaml), on the same files ---


def _files_git_would_add():
    """Tracked files and new ones not ignored: what `make lint` passes pre-commit."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    return [ROOT / name for name in listed if (ROOT / name).is_file()]


def _text_files():
    for path in _files_git_would_add():
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            continue  # binary, as pre-commit's `types: [text]` would judge it
        if "\0" not in text:
            yield path, text


def _run_linter(tool, *args, suffixes=None):
    paths = [
        str(path.relative_to(ROOT))
        for path, _ in _text_files()
        if suffixes is None or path.suffix in suffixes
    ]
    result = subprocess.run(
        [str(Path(sys.executable).parent / tool), *args, *paths],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_passes_ruff_lint():
    _run_linter("ruff", "check", "--force-exclude", suffixes={".py"})


def test_code_is_formatted_as_ruff_formats_it():
    _run_linter(
        "ruff", "format", "--check", "--diff", "--force-exclude", suffixes={".py"}
    )


def test_spelling():
    # Settings and the book's own words: .codespellrc, .codespell-words.txt.
    _run_linter("codespell")


def test_markdown_style():
    _run_linter("pymarkdown", "--config", ".pymarkdown.json", "scan", suffixes={".md"})


def _whitespace_hooks_exclude():
    """The files pre-commit's whitespace fixers leave alone (recorded, generated)."""
    import yaml

    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    patterns = {
        hooks[name]["exclude"] for name in ("trailing-whitespace", "end-of-file")
    }
    assert len(patterns) == 1, "the two whitespace hooks should exclude the same files"
    return re.compile(patterns.pop())


def test_no_trailing_whitespace_and_one_final_newline():
    problems = []
    excluded = _whitespace_hooks_exclude()
    for path, text in _text_files():
        where = path.relative_to(ROOT)
        if excluded.search(where.as_posix()):
            continue
        for number, line in enumerate(text.splitlines(), 1):
            if line != line.rstrip():
                problems.append(f"{where}:{number}: trailing whitespace")
        if text and (not text.endswith("\n") or text.endswith("\n\n")):
            problems.append(f"{where}: does not end with exactly one newline")
    assert not problems, "`make lint` fixes these:\n" + "\n".join(problems)


# Python blocks written directly in the Markdown (not included from examples/).
_BLOCKS = [
    block
    for block in find_examples(DOCS)
    if block.prefix.split()[0] in {"py", "python"} and "--8<--" not in block.source
]


@pytest.mark.parametrize("block", _BLOCKS, ids=str)
def test_code_block_in_the_docs(block: CodeExample, eval_example: EvalExample):
    if block.prefix_settings().get("test") == "skip":
        pytest.skip('marked test="skip" on the page')
    eval_example.set_config(line_length=88, target_version="py311")
    if eval_example.update_examples:
        eval_example.format_ruff(block)
        eval_example.run_print_update(block)
    else:
        eval_example.lint_ruff(block)
        eval_example.run_print_check(block)


# --- the built site ---------------------------------------------------------------


class _Assets(HTMLParser):
    """Collects the addresses a page loads by itself (not links a reader clicks)."""

    def __init__(self):
        super().__init__()
        self.loaded = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"script", "img", "iframe", "source", "audio", "video"}:
            self.loaded.append(attrs.get("src"))
        if tag == "link" and attrs.get("rel") in {
            "stylesheet",
            "preload",
            "icon",
            "modulepreload",
        }:
            self.loaded.append(attrs.get("href"))


def _html_pages(site):
    return sorted(site.rglob("*.html"))


def test_site_loads_nothing_from_other_hosts(site):
    outside = []
    for page in _html_pages(site):
        parser = _Assets()
        parser.feed(page.read_text(encoding="utf-8"))
        outside += [
            f"{page.relative_to(site)}: {url}"
            for url in parser.loaded
            if url and re.match(r"(https?:)?//", url)
        ]
    assert not outside, "\n".join(outside)


def test_site_has_no_unexpanded_markup(site):
    leftovers = re.compile(r"--8&lt;--|--8<--|\{\{\s*example\(|\[(start|end):[\w-]+\]")
    found = [
        f"{page.relative_to(site)}: {match.group(0)}"
        for page in _html_pages(site)
        for match in leftovers.finditer(page.read_text(encoding="utf-8"))
    ]
    assert not found, "\n".join(found)


def test_every_example_output_appears_in_the_site(site):
    """Each example's recorded output is on the page that shows the example."""

    for directive in _directives():
        relative = directive.page.relative_to("docs").with_suffix("")
        built = (
            site
            / (relative.parent if relative.name == "index" else relative)
            / "index.html"
        )
        text = unescape(re.sub(r"<[^>]+>", "", built.read_text(encoding="utf-8")))
        outputs = load_example(directive.path).recorded_outputs().values()
        output = "".join(path.read_text(encoding="utf-8") for path in outputs)
        for line in filter(None, (line.strip() for line in output.splitlines())):
            assert line in text, (
                f"{directive.where}: output line {line!r} missing from {built}"
            )


class _Links(HTMLParser):
    """Collects every link target and every id on a built page."""

    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])


def test_every_link_in_the_built_site_resolves(site):
    """Links between pages and to anchors, checked in the HTML the reader gets.

    External addresses are not fetched (the build machine has no network).
    """
    parsed = {}
    for page in _html_pages(site):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        parsed[page] = parser
    broken = []
    for page, parser in parsed.items():
        for href in parser.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                continue  # another site, or mailto: and the like
            path = unquote(parts.path)
            if not path:
                target = page
            elif path.startswith("/"):  # the 404 page links from the site's root
                target = (site / path.lstrip("/")).resolve()
            else:
                target = (page.parent / path).resolve()
            if target.is_dir():
                target = target / "index.html"
            where = f"{page.relative_to(site)}: {href}"
            if not target.is_file():
                broken.append(f"{where} (no such page)")
            elif (
                parts.fragment
                and target in parsed
                and (unquote(parts.fragment) not in parsed[target].ids)
            ):
                broken.append(f"{where} (no such anchor)")
    assert not broken, "\n".join(broken[:50])
