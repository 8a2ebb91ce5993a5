"""MkDocs hooks for the book (listed under ``hooks:`` in mkdocs.yml)."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from fieldguide import glossary, notebooks, pages, pictures
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
    # Each Part I chapter's examples as a notebook, made from the example files.
    for chapter in notebooks.CHAPTERS:
        files.append(
            File.generated(
                config,
                notebooks.download_path(chapter),
                content=notebooks.notebook_bytes(chapter),
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
        markdown = notebooks.expand(markdown, source, depth)
        markdown = glossary.expand(markdown, source, depth)
        return report.expand(markdown, source, depth, report.load())
    except (
        pages.DirectiveError,
        pictures.PictureError,
        report.ReportError,
        notebooks.NotebookError,
        glossary.GlossaryError,
    ) as error:
        raise PluginError(str(error)) from None


# mkdocs-jupyter's page template loads MathJax (its URL is empty here, see
# mkdocs.yml) and, when a notebook has diagrams, mermaid from a CDN. The book
# has neither, and loads nothing from another host.
_NOTEBOOK_SCRIPTS = re.compile(
    r'<script src="">\s*</script>'
    r'|<script type="text/x-mathjax-config">.*?</script>'
    r'|<script type="module">\s*document\.addEventListener\("DOMContentLoaded", '
    r"async \(\) => \{\s*const diagrams = .*?</script>",
    re.S,
)


def on_page_content(html, page, config, files):
    # The PDF edition prints a notebook page as the book prints any other.
    if page.file.src_uri.endswith(".ipynb") and "to-pdf" in config.plugins:
        text = notebooks.printable(
            Path(page.file.abs_src_path),
            f"{(config.repo_url or '').rstrip('/')}/blob/main/docs/{page.file.src_uri}",
        )
        converter = markdown.Markdown(
            extensions=config.markdown_extensions, extension_configs=config.mdx_configs
        )
        return converter.convert(text)
    return html


def on_post_page(output, page, config):
    if not page.file.src_uri.endswith(".ipynb"):
        return output
    output = _NOTEBOOK_SCRIPTS.sub("", output)
    # Code that scrolls sideways must be reachable by keyboard, as Material
    # makes its own code blocks.
    output = output.replace(
        '<div class="highlight-ipynb', '<div tabindex="0" class="highlight-ipynb'
    )
    if "cdnjs" in output or '<script src="">' in output or "x-mathjax-config" in output:
        raise PluginError(
            f"{page.file.src_uri}: mkdocs-jupyter's scripts have changed; "
            "update _NOTEBOOK_SCRIPTS in fieldguide/mkdocs_hooks.py"
        )
    return output
