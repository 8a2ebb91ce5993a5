"""MkDocs hooks for the book (listed under ``hooks:`` in mkdocs.yml)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from fieldguide import pages


def on_page_markdown(markdown, page, config, files):
    source = Path("docs") / page.file.src_uri
    repository = (config.repo_url or "").rstrip("/") or None
    try:
        return pages.expand(markdown, source, repository)
    except pages.DirectiveError as error:
        raise PluginError(str(error)) from None
