"""`await x` calls x.__await__(): a class can be awaited again and again."""

import asyncio
import inspect
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
class Reply:
    """Awaiting a Reply waits `seconds`, then gives back `text`."""

    def __init__(self, text, seconds):
        self.text = text
        self.seconds = seconds

    def __repr__(self):
        return f"Reply({self.text!r})"

    def __await__(self):
        log(f"{self!r}.__await__() is called")
        # A fresh coroutine on every await, so every await starts afresh.
        return self._arrive().__await__()

    async def _arrive(self):
        await asyncio.sleep(self.seconds)
        return self.text


async def main():
    pong = Reply("pong", 1)
    log(f"isawaitable(pong) is {inspect.isawaitable(pong)}")
    log(f"first await gave {await pong!r}")
    log(f"second await gave {await pong!r}")

    try:
        task = asyncio.create_task(pong)
    except TypeError as error:
        log(f"create_task() refused it: {error}")
        task = asyncio.ensure_future(pong)  # wraps it in a new task
    log(f"the task gave {await task!r}")
    log(f"ensure_future(task) is task: {asyncio.ensure_future(task) is task}")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:after-log]
