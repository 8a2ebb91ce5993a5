# /// script
# [tool.fieldguide]
# exit-status = 1  # the test fails on purpose, to show what the failure says
# coverage = false  # save()'s body never runs: that is the bug it shows
# ///
"""With warnings as errors (see pytest.ini), a forgotten await fails a test."""

import asyncio
import sys

import pytest


async def save(record, saved):
    await asyncio.sleep(0.1)
    saved.append(record)


async def handle(record, saved):
    save(record, saved)  # bug: the coroutine is made, never awaited


@pytest.mark.asyncio
async def test_save():
    await handle("order 17", [])


if __name__ == "__main__":
    # --tb=no: only the summary line, not pytest's own long traceback.
    args = ["-qq", "-rA", "--tb=no", "-p", "no:cacheprovider"]
    sys.exit(pytest.main([__file__, *args]))
