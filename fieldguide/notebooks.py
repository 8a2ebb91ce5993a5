"""Each Part I chapter's examples as a Jupyter notebook, made from the example files.

The example files stay the one source: ``notebook(chapter)`` builds the
notebook afresh whenever it is asked for (the site's download links, the
tests, ``python -m fieldguide.notebooks DIR``). A notebook differs from the
scripts in one way only: a Jupyter kernel already runs an event loop, so each
``asyncio.run(coro)`` in the ``if __name__ == "__main__":`` block becomes
``await coro``. Examples that cannot run that way are left out with a reason
(``SCRIPT_ONLY``); examples that run but print something else say why
(``DIFFERS``). ``tests/test_notebooks.py`` executes every notebook in a real
kernel and checks both lists against what the kernel printed.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from pathlib import Path

import nbformat

from fieldguide import pages
from fieldguide.examples import DOCS, EXAMPLES, load_example

# The chapters whose examples are offered as notebooks: Part I, the model.
CHAPTERS = (
    "why-asyncio",
    "definitions",
    "coroutines",
    "futures",
    "tasks",
    "async-await",
    "asyncio-vs-threading",
)

# Examples left out of the notebooks, and why (shown on the chapter's page).
_FRESH_PROCESS = (
    "its worker processes start a fresh interpreter and import the program "
    "to find the function to run, and a notebook's cells are not a file they "
    "can import"
)
_PROGRAM_END = (
    "its point is what asyncio.run() does as a program ends ({}), and a "
    "notebook's loop does not end"
)
SCRIPT_ONLY: dict[str, str] = {
    "why-asyncio/thread_or_process.py": _FRESH_PROCESS,
    "why-asyncio/starting_threads_and_processes.py": _FRESH_PROCESS,
    "definitions/which_event_loop.py": (
        "it starts loops of its own with a loop factory, and a notebook's "
        "loop is the kernel's"
    ),
    "coroutines/debug_mode_records_the_origin.py": (
        "it runs once with debug mode off and once with it on, and a notebook's "
        "loop is already running with its own setting"
    ),
    "coroutines/memory_per_coroutine.py": (
        "it measures how much the process's memory grows, and a kernel that has "
        "run other cells first reuses memory they freed, so the growth it sees "
        "is not the cost it sets out to show"
    ),
    "coroutines/solution_cancel_a_sleeper.py": (
        "its point is a line printed by the loop's exception handler, and the "
        "loop calls that handler outside the cell, so a notebook does not show "
        "the line under it"
    ),
    "futures/abandoned_thread_call_runs_on.py": _PROGRAM_END.format(
        "it waits for the worker threads"
    ),
    "tasks/wait_for_background_tasks.py": (
        "it waits for every task the loop runs, and a kernel's loop runs tasks "
        "of its own that never finish"
    ),
    "async-await/unclosed_generators_closed_by_the_loop.py": _PROGRAM_END.format(
        "it closes the asynchronous generators left open"
    ),
    "asyncio-vs-threading/coroutine_from_a_worker_thread.py": (
        "its worker thread waits until asyncio.run() cancels the tasks still "
        "running as the program ends; a notebook's loop does not end, so its "
        "last line, thread.join(), would block the kernel for ever"
    ),
    "asyncio-vs-threading/fetch_with_a_process_pool.py": _FRESH_PROCESS,
    "asyncio-vs-threading/what_a_worker_process_accepts.py": _FRESH_PROCESS,
    "asyncio-vs-threading/process_pool_keeps_the_loop_free.py": _FRESH_PROCESS,
}

_KERNEL_TASKS = "the count of tasks includes the kernel's own"
# Examples that run in a notebook but print something other than their page
# shows, and why. The tests fail if one of these prints the same after all.
DIFFERS: dict[str, str] = {
    "why-asyncio/many_waits_one_thread.py": (
        "the count of threads includes the kernel's own"
    ),
    "tasks/unreferenced_task_vanishes.py": _KERNEL_TASKS,
    "tasks/keep_task_references.py": _KERNEL_TASKS,
    "tasks/current_and_all_tasks.py": (
        "all_tasks() lists the kernel's own tasks too, and current_task() is "
        "the task running the cell, inside IPython's code, not main()"
    ),
    "coroutines/never_awaited_warning.py": (
        "the warning names the cell's temporary file and line, not "
        "never_awaited_warning.py"
    ),
}

_HEADER = re.compile(r"(?m)^# /// script\n(?:#.*\n)*?# ///\n")


class NotebookError(Exception):
    """An example cannot be turned into a notebook cell as it stands."""


def examples_in_page_order(chapter: str) -> list[str]:
    """The chapter's examples in the order its page first shows them."""
    page = DOCS / chapter / "index.md"
    seen: list[str] = []
    for directive in pages.find_directives(page.read_text(encoding="utf-8"), page):
        if directive.name.startswith(f"{chapter}/") and directive.name not in seen:
            seen.append(directive.name)
    # An example shown on another page only still belongs to its chapter.
    rest = sorted(
        f"{chapter}/{path.name}" for path in (EXAMPLES / chapter).glob("*.py")
    )
    return seen + [name for name in rest if name not in seen]


def cell_source(name: str) -> str:
    """The example's code as a notebook cell: ``asyncio.run(x)`` becomes ``await x``."""
    source = (EXAMPLES / name).read_text(encoding="utf-8")
    tree = ast.parse(source)
    guards = [
        node
        for node in tree.body
        if isinstance(node, ast.If)
        and ast.unparse(node.test) == "__name__ == '__main__'"
    ]
    lines = source.splitlines(keepends=True)
    calls = [
        node
        for guard in guards
        for node in ast.walk(guard)
        if isinstance(node, ast.Call) and ast.unparse(node.func) == "asyncio.run"
    ]
    # Replace from the end, so that earlier positions stay valid.
    for call in sorted(calls, key=lambda c: (c.lineno, c.col_offset), reverse=True):
        if call.keywords or len(call.args) != 1 or call.lineno != call.end_lineno:
            raise NotebookError(
                f"{name}:{call.lineno}: only asyncio.run(coro) on one line can "
                "become `await coro`; list the example in SCRIPT_ONLY with a reason"
            )
        argument = ast.get_source_segment(source, call.args[0])
        line = lines[call.lineno - 1]
        lines[call.lineno - 1] = (
            line[: call.col_offset] + f"await {argument}" + line[call.end_col_offset :]
        )
    text = "".join(lines)
    return _HEADER.sub("", text, count=1).strip() + "\n"


def notebook(chapter: str, version: str | None = None) -> nbformat.NotebookNode:
    """A notebook of the chapter's examples, one cell each, not yet run.

    With ``version`` (such as "3.11.7") the notebook is for that Python only:
    examples it cannot run are left out. Without it, they stay in, each with
    a note of the version it needs.
    """
    title = _page_title(chapter)
    cells = [
        nbformat.v4.new_markdown_cell(
            f"# {title}: the examples\n\n"
            "The programs of this chapter of *A Field Guide to asyncio*, one "
            "cell each. A Jupyter kernel already runs an event loop, so where "
            "a script calls `asyncio.run(main())`, a cell writes `await main()`. "
            "Run the cells in order. Tasks are numbered from the kernel's own, "
            "so a name the page shows as `Task-1` may be `Task-12` here."
        )
    ]
    for name in examples_in_page_order(chapter):
        example = load_example(EXAMPLES / name)
        if example.skip:
            continue
        needs = str(example.requires_python)
        if version is not None and example.skip_reason(version):
            continue
        cells.append(nbformat.v4.new_markdown_cell(f"## `{Path(name).name}`"))
        if name in SCRIPT_ONLY:
            cells.append(
                nbformat.v4.new_markdown_cell(
                    f"Not in this notebook: {SCRIPT_ONLY[name]}. "
                    f"Run it as a script: `python {Path(name).name}`."
                )
            )
            continue
        notes = []
        if needs and needs != ">=3.11":
            notes.append(f"This one needs Python {_versions(example.requires_python)}.")
        if name in DIFFERS:
            notes.append(
                f"In a notebook it prints something other than the page shows: "
                f"{DIFFERS[name]}."
            )
        if notes:
            cells.append(nbformat.v4.new_markdown_cell(" ".join(notes)))
        cell = nbformat.v4.new_code_cell(cell_source(name))
        cell.metadata["fieldguide"] = {"example": name}
        cells.append(cell)
    book = nbformat.v4.new_notebook(cells=cells)
    book.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    book.metadata["language_info"] = {"name": "python"}
    return book


def _versions(specifiers) -> str:
    """ ">=3.13" as "3.13 or newer", "<3.14" as "older than 3.14"."""
    words = {">=": "{} or newer", "<": "older than {}"}
    return " and ".join(
        words[spec.operator].format(spec.version)
        for spec in sorted(specifiers, key=str)
        if spec.operator in words and spec.version != "3.11"
    )


def notebook_bytes(chapter: str) -> bytes:
    book = notebook(chapter)
    # Cell ids are random by default; fixed ones keep each build the same.
    for number, cell in enumerate(book.cells):
        cell["id"] = f"cell-{number}"
    return (nbformat.writes(book) + "\n").encode("utf-8")


def run(
    book: nbformat.NotebookNode, cwd: Path, timeout: float = 120, allow_errors=False
) -> None:
    """Execute ``book`` in a fresh kernel of this interpreter, cell by cell.

    A cell that raises stops the run with ``nbclient``'s CellExecutionError,
    unless the cell is tagged ``raises-exception``.
    """
    import nbclient  # only the tests and the recording need a kernel

    nbclient.NotebookClient(
        book,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(cwd)}},
        record_timing=False,
        allow_errors=allow_errors,
    ).execute()


def streams(cell: nbformat.NotebookNode) -> tuple[str, str]:
    """What a code cell wrote to its standard output and to its standard error."""
    texts = {"stdout": "", "stderr": ""}
    for output in cell.outputs:
        if output.output_type == "stream":
            texts[output.name] += output.text
    return texts["stdout"], texts["stderr"]


_TASK_NUMBER = re.compile(r"\bTask-\d+\b")


def prints_the_same(recorded: str, stdout: str, stderr: str) -> bool:
    """Whether a cell printed what the example's page shows.

    Two things are allowed to differ. A kernel sends standard output and
    standard error separately, so only the order within each is kept: the
    recorded lines must be the two streams' lines interleaved. And a kernel
    has run tasks of its own, so default names count on from there: Task-41
    where a script prints Task-1.
    """
    want = _TASK_NUMBER.sub("Task-N", recorded).splitlines()
    out = _TASK_NUMBER.sub("Task-N", stdout).splitlines()
    err = _TASK_NUMBER.sub("Task-N", stderr).splitlines()
    if len(want) != len(out) + len(err):
        return False
    # can[i][j]: the first i lines of out and j of err make the first i + j of want.
    can = [[False] * (len(err) + 1) for _ in range(len(out) + 1)]
    can[0][0] = True
    for i in range(len(out) + 1):
        for j in range(len(err) + 1):
            if i and can[i - 1][j] and out[i - 1] == want[i + j - 1]:
                can[i][j] = True
            if j and can[i][j - 1] and err[j - 1] == want[i + j - 1]:
                can[i][j] = True
    return can[len(out)][len(err)]


# Pages of the book that are notebooks: run by the tests, shown as recorded.
PAGES = (DOCS / "testing-and-debugging" / "jupyter.ipynb",)


def record(path: Path) -> None:
    """Run a notebook page afresh and store what it printed in the file."""
    book = nbformat.read(path, as_version=4)
    for cell in book.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    run(book, path.parent)
    _write(book, path)


def _write(book: nbformat.NotebookNode, path: Path) -> None:
    for number, cell in enumerate(book.cells):
        cell["id"] = f"cell-{number}"
    path.write_text(nbformat.writes(book) + "\n", encoding="utf-8")


def seen(cell: nbformat.NotebookNode) -> list[tuple[str, ...]]:
    """A code cell's outputs as a reader sees them, for comparing two runs.

    A stream may arrive in several pieces, so pieces are joined. An error is
    its type and message: the traceback's colours and paths vary.
    """
    found: list[tuple[str, ...]] = []
    for output in cell.outputs:
        if output.output_type == "stream":
            if found and found[-1][:2] == ("stream", output.name):
                found[-1] = ("stream", output.name, found[-1][2] + output.text)
            else:
                found.append(("stream", output.name, output.text))
        elif output.output_type == "error":
            found.append(("error", output.ename, output.evalue))
        else:
            found.append((output.output_type, output.data.get("text/plain", "")))
    return found


def printable(path: Path, url: str) -> str:
    """A notebook page as the book's Markdown: each code cell, then its output.

    For the PDF, which cannot lay out mkdocs-jupyter's HTML: WeasyPrint stops
    after the first code cell. An error shows as its type and message.
    """
    book = nbformat.read(path, as_version=4)
    parts = []
    for cell in book.cells:
        if cell.cell_type == "markdown":
            parts.append(cell.source)
            if len(parts) == 1:
                parts.append(
                    '!!! note "A notebook on paper"\n\n'
                    "    On paper, each code cell is shown as code with its output "
                    "beneath,\n    as the tests recorded it. The notebook itself is "
                    f"at\n    <{url}>."
                )
        elif cell.cell_type == "code":
            parts.append(f"```python\n{cell.source}\n```")
            shown = [
                item[2] if item[0] == "stream" else f"{item[1]}: {item[2]}\n"
                for item in seen(cell)
            ]
            if shown:
                title = pages.OUTPUT_TITLE
                parts.append(
                    f'``` {{ .text .example-output .no-copy title="{title}" }}\n'
                    + "".join(shown).rstrip("\n")
                    + "\n```"
                )
    return "\n\n".join(parts) + "\n"


def download_path(chapter: str) -> str:
    """Where the site serves a chapter's notebook."""
    return f"notebooks/{chapter}.ipynb"


_DIRECTIVE = re.compile(r"^(?P<indent>[ \t]*)\{\{\s*notebook\(\)\s*\}\}\s*$", re.M)


def expand(markdown: str, page: Path, page_depth: int) -> str:
    """Replace ``{{ notebook() }}`` on a Part I page with its download and notes."""
    match = _DIRECTIVE.search(markdown)
    if match is None:
        return markdown
    chapter = page.parent.name
    if chapter not in CHAPTERS:
        raise NotebookError(
            f"{page}: {{{{ notebook() }}}} is for the pages of {', '.join(CHAPTERS)}"
        )
    up = "../" * page_depth
    names = examples_in_page_order(chapter)
    notebook_link = f"{up}{download_path(chapter)}"
    jupyter_page = f"{up}testing-and-debugging/jupyter.ipynb"
    lines = [
        '!!! tip "A notebook of this chapter"',
        "",
        f"    [Download this chapter's examples as a notebook]({notebook_link})"
        f'{{ download="{chapter}.ipynb" }} and open it in JupyterLab, Jupyter',
        "    Notebook or any editor that runs notebooks: one cell for each program,",
        "    made from the same files as this page. A notebook's kernel (the Python",
        "    process that runs its cells) already runs an event loop, so where a",
        "    program calls `asyncio.run(main())` the cell awaits `main()` instead",
        f"    ([asyncio in Jupyter]({jupyter_page}) explains why). Tasks are numbered",
        "    after the kernel's own, so `Task-1` may read `Task-12`. The book's tests",
        "    run the notebook and check each cell's output against this page.",
    ]
    left_out = [name for name in names if name in SCRIPT_ONLY]
    if left_out:
        lines += ["", "    Left out, to be run as scripts:", ""]
        lines += [f"    - `{Path(n).name}`: {SCRIPT_ONLY[n]}." for n in left_out]
    different = [name for name in names if name in DIFFERS]
    if different:
        lines += ["", "    Printing something else in a notebook:", ""]
        lines += [f"    - `{Path(n).name}`: {DIFFERS[n]}." for n in different]
    indent = match["indent"]
    block = "\n".join(indent + line if line else "" for line in lines)
    return markdown[: match.start()] + block + markdown[match.end() :]


def _page_title(chapter: str) -> str:
    page = DOCS / chapter / "index.md"
    first = page.read_text(encoding="utf-8").splitlines()[0]
    return first.removeprefix("# ").strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m fieldguide.notebooks",
        description="Write each Part I chapter's examples as a notebook, or "
        "record the outputs of the book's notebook pages.",
    )
    parser.add_argument(
        "folder", type=Path, nargs="?", help="where to write CHAPTER.ipynb"
    )
    parser.add_argument(
        "--record",
        action="store_true",
        help="instead, run the book's notebook pages and store their outputs",
    )
    arguments = parser.parse_args(argv)
    if arguments.record:
        for page in PAGES:
            record(page)
            print(f"recorded {page.relative_to(DOCS.parent)}")
        return 0
    folder = arguments.folder
    if folder is None:
        parser.error("give a folder to write the notebooks to, or --record")
    if folder.exists() and not folder.is_dir():
        parser.error(f"{folder} exists and is not a folder")
    folder.mkdir(parents=True, exist_ok=True)
    for chapter in CHAPTERS:
        target = folder / f"{chapter}.ipynb"
        target.write_bytes(notebook_bytes(chapter))
        print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
