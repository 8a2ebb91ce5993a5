# /// script
# [tool.fieldguide]
# blocks-the-loop = true  # one test blocks the loop on purpose
# ///
"""Exercise solution: a test fails when a step holds the loop too long."""

import asyncio
import logging
import sys
import time

import pytest


class SlowSteps(logging.Handler):
    """Keeps debug mode's slow-step reports from the asyncio logger."""

    def __init__(self):
        super().__init__()
        self.reports = []

    def emit(self, record):
        if record.msg.startswith("Executing"):
            _, seconds = record.args  # (the step, its duration)
            self.reports.append(seconds)


def slow_steps_of(coro):
    handler = SlowSteps()
    logger = logging.getLogger("asyncio")
    logger.addHandler(handler)
    try:
        with asyncio.Runner(debug=True) as runner:
            runner.get_loop().slow_callback_duration = 0.1
            runner.run(coro)
    finally:
        logger.removeHandler(handler)
    return handler.reports


async def blocking():
    time.sleep(0.3)  # noqa: ASYNC251 (the bug the test must catch)


async def polite():
    await asyncio.sleep(0.3)


def test_blocking_coroutine_is_caught():
    assert [round(s, 1) for s in slow_steps_of(blocking())] == [0.3]


def test_polite_coroutine_passes():
    assert slow_steps_of(polite()) == []


if __name__ == "__main__":
    # -p no:logging: pytest would also capture and show the reports.
    args = ["-qq", "-rA", "-p", "no:cacheprovider", "-p", "no:logging"]
    sys.exit(pytest.main([__file__, *args]))
