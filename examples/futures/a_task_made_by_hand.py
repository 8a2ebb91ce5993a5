"""A toy task that is a future: awaitable, and cancelled through its wait."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
class ToyTask(asyncio.Future):
    """A future whose outcome is the outcome of a coroutine it drives."""

    def __init__(self, coro):
        super().__init__()  # a future on the running loop
        self.coro = coro
        self.waiting_on = None
        self.get_loop().call_soon(self.step)

    def step(self, _future=None):
        try:
            self.waiting_on = self.coro.send(None)
        except StopIteration as stop:  # the coroutine returned
            self.set_result(stop.value)
        except asyncio.CancelledError as error:  # it let a cancel through
            super().cancel(*error.args)
        else:  # paused on a pending future: resume when it is done
            self.waiting_on._asyncio_future_blocking = False  # as Task does
            self.waiting_on.add_done_callback(self.step)

    def cancel(self, msg=None):
        # Cancel the future the coroutine awaits; the await will raise.
        if self.waiting_on is None:
            return False
        return self.waiting_on.cancel(msg)


async def brew(drink, seconds):
    log(f"brew(): {drink} starts")
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError as error:
        log(f"brew(): {drink}'s await raised {error!r}")
        raise
    return drink


async def main():
    tea = ToyTask(brew("tea", 2))
    log(f"main(): tea.cancel() before its first step returns {tea.cancel()}")
    coffee = ToyTask(brew("coffee", 5))
    await asyncio.sleep(1)
    log(f"main(): coffee.cancel() returns {coffee.cancel('closing time')}")
    log(f"main(): right after it, coffee.cancelled() is {coffee.cancelled()}")
    try:
        await coffee
    except asyncio.CancelledError as error:
        log(f"main(): await coffee raised {error!r}")
    log(f"main(): now coffee.cancelled() is {coffee.cancelled()}")
    log(f"main(): await tea gave {await tea!r}")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:after-log]
