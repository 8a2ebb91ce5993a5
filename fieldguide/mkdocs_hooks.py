"""MkDocs hooks for the book (listed under ``hooks:`` in mkdocs.yml)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from fieldguide import pages


def on_page_markdown(markdown, page, config, files):
    source = Path("docs") / page.file.src_uri
    try:
        return pages.expand(markdown, source)
    except pages.DirectiveError as error:
        raise PluginError(str(error)) from None
