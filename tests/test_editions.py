"""The offline editions: the whole book as a PDF, and the site as a zip for file://.

Both are built from the same Markdown as the site, so chapters added later are
checked without changes here.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from html import unescape

import pytest
from mkdocs.config import load_config

from fieldguide import offline
from fieldguide.browser import CHROMIUM, LAUNCH_ARGS, search
from fieldguide.examples import ROOT


def _nav_titles():
    """The title of every chapter, from each page's first heading."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    pages = []

    def walk(items):
        for item in items:
            if isinstance(item, str):
                pages.append(item)
            else:
                for value in item.values():
                    walk(value) if isinstance(value, list) else pages.append(value)

    walk(config["nav"])
    titles = []
    for page in pages:
        source = (ROOT / "docs" / page).read_text()
        if page.endswith(".ipynb"):  # a notebook: its first Markdown cell
            cells = json.loads(source)["cells"]
            source = next(
                "".join(c["source"]) for c in cells if c["cell_type"] == "markdown"
            )
        heading = re.search(r"^# (.+)$", source, re.M)
        titles.append(heading.group(1).replace("`", ""))
    return titles


def _build(config, tmp_path, **env):
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", config, "-d", str(tmp_path)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result


# --- the PDF -------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    pypdf = pytest.importorskip("pypdf")
    site = tmp_path_factory.mktemp("pdf-site")
    _build("mkdocs-pdf.yml", site, BOOK_EDITION="Edition test")
    path = site.parent / "a-field-guide-to-asyncio.pdf"
    assert path.is_file(), "the PDF was not written"
    return pypdf.PdfReader(path)


@pytest.fixture(scope="module")
def pdf_text(pdf):
    return "\n".join(page.extract_text() or "" for page in pdf.pages)


def _squash(text):
    return re.sub(r"\s+", " ", text)


def test_pdf_has_a_cover_with_title_edition_and_licence(pdf):
    cover = _squash(pdf.pages[0].extract_text())
    assert "A Field Guide to asyncio" in cover
    assert "Edition test" in cover
    assert "MIT" in cover
    assert "CC BY-SA 4.0" in cover


def test_pdf_holds_every_chapter_to_the_end(pdf_text):
    text = _squash(pdf_text)
    missing = [title for title in _nav_titles() if _squash(title) not in text]
    assert not missing, f"chapters missing from the PDF: {missing}"
    # The body, not just the contents page: the opening words of every written
    # chapter's summary, which comes near the chapter's end.
    openings = {}
    for page in sorted((ROOT / "docs").glob("*/index.md")):
        summary = page.read_text().partition("\n## Summary\n")[2]
        if summary:
            first = next(line for line in summary.splitlines() if line.strip())
            first = first.strip().removeprefix("- ")
            first = re.sub(r"\]\([^)]*\)|[`*\[\]]", "", first)
            openings[page.parent.name] = "".join(first.split()[:6])
    assert len(openings) >= 7
    # Compared without spaces: the PDF's text puts some around inline code.
    solid = "".join(text.split())
    cut = [name for name, words in openings.items() if words not in solid]
    assert not cut, f"chapters whose summary is missing from the PDF: {cut}"


def test_pdf_has_bookmarks_for_the_chapters(pdf):
    titles = []

    def walk(outline):
        for item in outline:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(_squash(item.title))

    walk(pdf.outline)
    text = " | ".join(titles)
    missing = [t for t in _nav_titles() if _squash(t) not in text]
    assert not missing, f"no bookmark for: {missing}"


def test_pdf_has_no_leftovers_from_the_web_page(pdf_text):
    leftovers = re.compile(
        r"--8<--|\[(start|end):|\{\{|\{%|# \(\d+\)!|Copy to clipboard"
    )
    found = sorted({m.group(0) for m in leftovers.finditer(pdf_text)})
    assert not found, found


def test_pdf_prints_each_plot_once_as_vector_text(pdf_text):
    # The plots' labels survive as text, so the SVG was drawn as vectors, not
    # as a picture; and paper gets the light version only, not both.
    text = _squash(pdf_text)
    assert text.count("Requests per second (log scale)") == 1
    assert text.count("Memory per idle task or thread (KiB)") == 1


def test_pdf_prints_each_picture_once_as_vector_text(pdf_text):
    # Timelines and diagrams keep their words as text too, light version only.
    from fieldguide import pictures
    from fieldguide.timeline import render

    solid = "".join(pdf_text.split())
    found = pictures.book_pictures()
    timelines = [p for p in found if p.kind == "timeline"]
    # Every timeline's legend has this label; nothing else in the book does.
    legend = "".join(render.STATES["waiting"][0].split())
    assert solid.count(legend) == len(timelines)
    for diagram in (p for p in found if p.kind == "diagram"):
        svg = diagram.svg("light").read_text(encoding="utf-8")
        words = [unescape(w) for w in re.findall(r"<text[^>]*>([^<]+)</text>", svg)]
        label = "".join(max(words, key=len).split())
        assert solid.count(label) == 1, (diagram.name, label)


def test_pdf_embeds_its_fonts(pdf):
    unembedded = set()
    for page in pdf.pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for font in fonts.values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            if descriptor is None:
                continue  # the 14 standard fonts need no embedding
            descriptor = descriptor.get_object()
            if not any(
                k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
            ):
                unembedded.add(str(target.get("/BaseFont")))
    assert not unembedded, unembedded


def test_pdf_links_work_inside_the_pdf(pdf):
    internal = 0
    for page in pdf.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            action = annotation.get("/A")
            if annotation.get("/Dest") is not None or (
                action is not None and action.get("/S") == "/GoTo"
            ):
                internal += 1
    assert internal >= 50, internal


def test_pdf_prints_the_cheat_sheet_on_one_sheet_of_a4(pdf):
    def walk(outline):
        for item in outline:
            yield from walk(item) if isinstance(item, list) else [item]

    marks = [
        (pdf.get_destination_page_number(m), _squash(m.title))
        for m in walk(pdf.outline)
    ]
    # Bookmarks carry the section's number: "4.5 Cheat sheet".
    start = next(p for p, title in marks if re.fullmatch(r"[\d.]* ?Cheat sheet", title))
    after = min((page for page, _ in marks if page > start), default=len(pdf.pages))
    assert after - start == 1, f"the cheat sheet takes {after - start} pages"
    width, height = (float(x) for x in pdf.pages[start].mediabox[2:])
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)
    # All of it on that page: the last row of its last table.
    sheet = (ROOT / "docs" / "appendices" / "cheat-sheet.md").read_text()
    last_row = [line for line in sheet.splitlines() if line.startswith("| ")][-1]
    first_cell = re.sub(r"[`*]", "", last_row.split("|")[1]).strip()
    assert _squash(first_cell) in _squash(pdf.pages[start].extract_text())


def test_pdf_page_count_is_in_the_expected_range(pdf):
    written = sum(
        1
        for page in (ROOT / "docs").glob("*/index.md")
        if "## Summary" in page.read_text()
    )
    # Roughly 10 to 60 pages for each finished chapter, plus the front matter.
    assert 10 * written <= len(pdf.pages) <= 60 * written + 40, len(pdf.pages)


# --- the offline HTML copy ---------------------------------------------------------


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory):
    site = tmp_path_factory.mktemp("offline-site")
    _build("mkdocs-offline.yml", site)
    archive = site.parent / "book.zip"
    count = offline.make_zip(site, archive)
    unpacked = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(archive) as zipped:
        assert len(zipped.namelist()) == count
        zipped.extractall(unpacked)
    return unpacked / offline.FOLDER


def test_offline_zip_refuses_a_folder_with_no_site(tmp_path):
    with pytest.raises(SystemExit, match="holds no built site"):
        offline.make_zip(tmp_path, tmp_path / "x.zip")


def test_offline_zip_says_when_the_search_shim_is_missing(tmp_path):
    (tmp_path / "index.html").write_text("<html></html>")
    with pytest.raises(SystemExit, match="run `npm ci`"):
        offline.make_zip(tmp_path, tmp_path / "x.zip", shim=tmp_path / "nope.js")
    assert not (tmp_path / "x.zip").exists()


@pytest.mark.skipif(not CHROMIUM, reason="no chromium: apt-get install chromium")
def test_offline_copy_works_from_disk(offline_copy):
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=CHROMIUM,
            args=[*LAUNCH_ARGS, "--allow-file-access-from-files"],
        )
        page = browser.new_page()
        outside = []
        page.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.startswith(("file:", "data:", "blob:"))
                else (outside.append(route.request.url), route.abort())
            ),
        )
        chapter = offline_copy / "definitions" / "index.html"
        page.goto(chapter.as_uri(), wait_until="load")
        assert page.locator("h1").first.inner_text().startswith("Four words")
        assert page.locator(".example-code pre").first.is_visible()
        shown = page.locator(".example-output pre").first
        assert shown.is_visible()
        assert "main() is running inside the event loop" in shown.inner_text()

        links = search(page, "TaskGroup")
        assert any("tasks/index.html" in link for link in links), links
        browser.close()
    assert not outside, outside
