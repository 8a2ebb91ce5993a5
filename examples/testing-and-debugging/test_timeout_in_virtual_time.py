# /// script
# [tool.fieldguide]
# virtual-time = false  # it brings its own fake clock, and checks real time
# ///
"""Test a 30-second timeout in milliseconds, with a loop on a fake clock."""

import asyncio
import selectors
import sys
import time

import pytest


class SkipAheadSelector(selectors.DefaultSelector):
    """A selector that, when nothing is ready, moves the clock on instead of
    waiting: the time the loop would have slept passes at once."""

    def __init__(self):
        super().__init__()
        self.now = 0.0  # the fake clock, in seconds

    def select(self, timeout=None):
        ready = super().select(0)  # look, without waiting
        if ready or timeout is None or timeout <= 0:
            # Something to do, or no timer at all: only I/O can wake the
            # loop, so wait for it for real.
            return ready or super().select(timeout)
        self.now += timeout  # jump to the next timer
        return []


class FakeClockLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        self._skipper = SkipAheadSelector()
        super().__init__(self._skipper)

    def time(self):
        return self._skipper.now  # every timer in asyncio reads this


async def wait_for_reply(reply, limit=30):
    """The code under test: give up when the reply takes too long."""
    async with asyncio.timeout(limit):
        return await reply


def test_gives_up_after_30_seconds():
    started = time.perf_counter()
    with asyncio.Runner(loop_factory=FakeClockLoop) as runner:
        loop = runner.get_loop()
        never = loop.create_future()  # a reply that never comes
        with pytest.raises(TimeoutError):
            runner.run(wait_for_reply(never))
        assert loop.time() == 30.0  # thirty seconds passed on the loop
    assert time.perf_counter() - started < 1.0  # and not in the real world


def test_a_prompt_reply_is_returned():
    with asyncio.Runner(loop_factory=FakeClockLoop) as runner:
        loop = runner.get_loop()
        reply = loop.create_future()
        loop.call_later(29.5, reply.set_result, "pong")  # just in time
        assert runner.run(wait_for_reply(reply)) == "pong"
        assert loop.time() == 29.5


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-qq", "-rA", "-p", "no:cacheprovider"]))
