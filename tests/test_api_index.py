"""The API index page is the one `make api-index` writes from the examples today."""

from __future__ import annotations

import json
import shutil
import sys
import textwrap
from pathlib import Path

import pytest

from fieldguide import api_index


def test_the_api_index_page_is_up_to_date():
    assert api_index.PAGE.read_text(encoding="utf-8") == api_index.build(), (
        "docs/appendices/api-index.md is out of date with the examples: "
        "run `make api-index` and commit the page"
    )


def test_an_example_uses_a_name_by_attribute_by_import_and_by_alias(tmp_path):
    program = tmp_path / "program.py"
    program.write_text(
        textwrap.dedent(
            """
            import asyncio
            import asyncio as aio
            from asyncio import Queue, timeout

            async def main(loop):
                await asyncio.gather(aio.sleep(1))
                loop.run_in_executor(None, print)  # a method, not a name
                return asyncio
            """
        )
    )
    assert api_index.names_used(program) == {"gather", "sleep", "Queue", "timeout"}


def test_the_stored_names_are_those_of_the_python_they_name():
    stored = json.loads(api_index.NAMES.read_text(encoding="utf-8"))
    major_minor = ".".join(stored["python"].split(".")[:2])
    running = "{}.{}".format(*sys.version_info[:2])
    candidates = [
        sys.executable if running == major_minor else None,
        # pyenv's own folders first: its shims fail for a version not selected.
        *sorted(Path.home().glob(f".pyenv/versions/{major_minor}.*/bin/python3")),
        shutil.which(f"python{major_minor}"),
    ]
    python = next(filter(None, candidates), None)
    if python is None:
        pytest.skip(f"no Python {major_minor} here to compare the names with")
    message = api_index.compare(str(python))
    assert "the same" in message, message
    assert all(
        url.startswith("https://docs.python.org/3") for url in stored["names"].values()
    )
