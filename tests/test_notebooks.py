"""The book's notebooks: each Part I chapter's examples, and the notebook pages.

Every notebook runs in a real Jupyter kernel of this interpreter. A chapter's
notebook must run without an error, and each cell must print what its page
shows, except the examples ``fieldguide.notebooks.DIFFERS`` lists, which must
print something else (so that the list cannot go stale). A notebook page must
print, cell by cell, what it has recorded.
"""

from __future__ import annotations

import copy
import platform
import textwrap

import nbformat
import pytest

from fieldguide import notebooks
from fieldguide.examples import EXAMPLES, find_examples

pytest.importorskip("ipykernel", reason="the notebooks need a Jupyter kernel")


# A chapter's notebook runs its examples in real time: tasks, the longest, took
# 84 s here; `make test` spreads the chapters over the workers.
@pytest.mark.parametrize("chapter", notebooks.CHAPTERS)
@pytest.mark.slow
def test_a_chapters_notebook_prints_what_its_page_shows(chapter):
    book = notebooks.notebook(chapter, platform.python_version())
    notebooks.run(book, EXAMPLES / chapter, timeout=120)
    wrong, same_after_all = [], []
    for cell in book.cells:
        name = cell.get("metadata", {}).get("fieldguide", {}).get("example")
        if name is None:
            continue
        recorded = (EXAMPLES / name).with_suffix(".out").read_text(encoding="utf-8")
        same = notebooks.prints_the_same(recorded, *notebooks.streams(cell))
        if name in notebooks.DIFFERS and same:
            same_after_all.append(name)
        elif name not in notebooks.DIFFERS and not same:
            stdout, stderr = notebooks.streams(cell)
            wrong.append(f"{name} printed:\n{stdout}{stderr}")
    assert not wrong, "\n\n".join(wrong)
    assert not same_after_all, (
        f"these print what their pages show; take them out of DIFFERS: {same_after_all}"
    )


@pytest.mark.parametrize("page", notebooks.PAGES, ids=lambda path: path.name)
def test_a_notebook_page_prints_what_it_recorded(page):
    recorded = nbformat.read(page, as_version=4)
    fresh = copy.deepcopy(recorded)
    for cell in fresh.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    notebooks.run(fresh, page.parent, timeout=60)
    for number, (old, new) in enumerate(zip(recorded.cells, fresh.cells, strict=True)):
        if old.cell_type != "code":
            continue
        assert notebooks.seen(new) == notebooks.seen(old), (
            f"{page.name}, cell {number}: {old.source[:60]!r}... printed something "
            "else; if that is right, run `make update-notebooks`"
        )


@pytest.mark.parametrize("page", notebooks.PAGES, ids=lambda path: path.name)
def test_only_tagged_cells_of_a_notebook_page_show_an_error(page):
    book = nbformat.read(page, as_version=4)
    for number, cell in enumerate(book.cells):
        if cell.cell_type != "code":
            continue
        errors = [o for o in cell.outputs if o.output_type == "error"]
        tagged = "raises-exception" in cell.metadata.get("tags", [])
        assert bool(errors) == tagged, (
            f"{page.name}, cell {number}: "
            + ("an error in a cell not tagged raises-exception" if errors
               else "tagged raises-exception but shows no error")
        )  # fmt: skip
        assert cell.execution_count is not None, f"{page.name}, cell {number} never ran"


def test_the_lists_of_exceptions_name_real_examples_of_notebook_chapters():
    names = {example.name for example in find_examples()}
    for listed in (notebooks.SCRIPT_ONLY, notebooks.DIFFERS):
        for name in listed:
            assert name in names, f"{name} is not an example"
            assert name.split("/")[0] in notebooks.CHAPTERS, name
    assert not set(notebooks.SCRIPT_ONLY) & set(notebooks.DIFFERS)


def test_every_chapter_notebook_is_valid_and_has_every_example():
    for chapter in notebooks.CHAPTERS:
        book = nbformat.reads(notebooks.notebook_bytes(chapter).decode(), as_version=4)
        nbformat.validate(book)
        shown = {
            cell.metadata["fieldguide"]["example"]
            for cell in book.cells
            if cell.cell_type == "code"
        }
        expected = {
            example.name
            for example in find_examples()
            if example.name.startswith(f"{chapter}/")
            and not example.skip
            and example.name not in notebooks.SCRIPT_ONLY
        }
        assert shown == expected, chapter


def test_asyncio_run_becomes_await_and_anything_else_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(notebooks, "EXAMPLES", tmp_path)
    (tmp_path / "ok.py").write_text(
        textwrap.dedent(
            """\
            # /// script
            # [tool.fieldguide]
            # virtual-time = false
            # ///
            import asyncio

            async def main():
                return 1

            if __name__ == "__main__":
                result = asyncio.run(main())  # keeps this comment
                print(result)
            """
        )
    )
    assert notebooks.cell_source("ok.py") == textwrap.dedent(
        """\
        import asyncio

        async def main():
            return 1

        if __name__ == "__main__":
            result = await main()  # keeps this comment
            print(result)
        """
    )
    (tmp_path / "debug.py").write_text(
        "import asyncio\n"
        'if __name__ == "__main__":\n'
        "    asyncio.run(main(), debug=True)\n"
    )
    with pytest.raises(notebooks.NotebookError, match="SCRIPT_ONLY"):
        notebooks.cell_source("debug.py")
