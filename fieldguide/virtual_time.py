"""Virtual time for example programs: waiting takes no real time, yet the clocks agree.

Once :func:`install` has run, the process has one clock that moves only when the
program waits:

* ``time.monotonic()``, ``time.perf_counter()`` and ``time.time()`` (and their
  ``_ns`` forms) start from their real values and then advance only with the
  virtual clock, so an example that prints elapsed time prints exactly the
  sleeps it made;
* ``time.sleep(s)`` in the main thread returns at once and moves the clock on by
  ``s``, so a program that blocks (even inside the event loop) shows the delay
  it caused, exactly;
* an asyncio event loop (any selector loop, however it was created) that has
  nothing to do until its next timer moves the clock to that timer instead of
  waiting; ``loop.time()`` reads the same clock.

Computation takes no virtual time. While work handed to an executor
(``loop.run_in_executor()``, ``asyncio.to_thread()``) or the executor's shutdown
is in flight, the loop waits for it in real time instead of skipping ahead, so a
timeout cannot fire early; that real time is not added to the virtual clock.
Examples whose printed timing depends on other threads, or on real I/O, run in
real time (``virtual-time = false``).
"""

from __future__ import annotations

import asyncio.selector_events
import threading
import time

_CLOCKS = ("monotonic", "perf_counter", "time")


class VirtualClock:
    def __init__(self) -> None:
        self.elapsed = 0.0  # virtual seconds since install()
        self.in_flight = 0  # executor jobs (or shutdowns) the loop is waiting for
        self._real_sleep = time.sleep
        self._starts = {name: getattr(time, name)() for name in _CLOCKS}
        self._main = threading.main_thread()

    def advance(self, seconds: float) -> None:
        if seconds > 0:
            self.elapsed += seconds

    def sleep(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        if threading.current_thread() is self._main:
            self.advance(seconds)
        else:  # other threads really wait; see the module docstring
            self._real_sleep(seconds)

    def reader(self, name: str):
        start = self._starts[name]
        return lambda: start + self.elapsed

    def nanosecond_reader(self, name: str):
        start = self._starts[name]
        return lambda: round((start + self.elapsed) * 1e9)

    def wrap_select(self, select):
        """A selector's select() that skips ahead instead of idling."""

        def virtual_select(timeout=None):
            ready = select(0)
            if ready or (timeout is not None and timeout <= 0):
                return ready
            if timeout is None or self.in_flight:
                # Only real I/O or another thread can wake the loop (or a
                # thread is working for it): wait for it for real.
                return select(timeout)
            self.advance(timeout)
            return select(0)

        return virtual_select


def install() -> VirtualClock:
    clock = VirtualClock()
    for name in _CLOCKS:
        setattr(time, name, clock.reader(name))
        setattr(time, f"{name}_ns", clock.nanosecond_reader(name))
    time.sleep = clock.sleep

    loop_class = asyncio.selector_events.BaseSelectorEventLoop
    original_init = loop_class.__init__

    def __init__(self, selector=None):
        original_init(self, selector)
        self._selector.select = clock.wrap_select(self._selector.select)

    loop_class.__init__ = __init__
    _count_executor_work(clock)
    return clock


def _count_executor_work(clock: VirtualClock) -> None:
    base = asyncio.base_events.BaseEventLoop
    run_in_executor = base.run_in_executor
    shutdown = base.shutdown_default_executor

    def counted_run_in_executor(self, executor, func, *args):
        future = run_in_executor(self, executor, func, *args)
        clock.in_flight += 1
        future.add_done_callback(lambda _: _finished(clock))
        return future

    async def counted_shutdown(self, *args, **kwargs):
        clock.in_flight += 1
        try:
            return await shutdown(self, *args, **kwargs)
        finally:
            _finished(clock)

    base.run_in_executor = counted_run_in_executor
    base.shutdown_default_executor = counted_shutdown


def _finished(clock: VirtualClock) -> None:
    clock.in_flight -= 1
