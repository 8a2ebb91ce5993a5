"""MkDocs hooks for the book (listed under ``hooks:`` in mkdocs.yml)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from fieldguide import pages, pictures
from fieldguide.benchmark import report


def on_files(files, config):
    # The benchmark plots are drawn from the data at every build, never stored.
    for name in report.PLOTS:
        for palette in report.PALETTES:
            files.append(
                File.generated(
                    config,
                    report.plot_path(name, palette),
                    content=report.plot_file(name, palette),
                )
            )
    return files


def on_page_markdown(markdown, page, config, files):
    source = Path("docs") / page.file.src_uri
    repository = (config.repo_url or "").rstrip("/") or None
    depth = page.file.src_uri.count("/")
    try:
        markdown = pages.expand(markdown, source, repository)
        markdown = pictures.expand(markdown, source, depth)
        return report.expand(markdown, source, depth, report.load())
    except (pages.DirectiveError, pictures.PictureError, report.ReportError) as error:
        raise PluginError(str(error)) from None
