"""An asynchronous iterator: __aiter__, an awaitable __anext__, and the end."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
class Readings:
    """Reads `count` values from a slow sensor, one per second."""

    def __init__(self, count):
        self.count = count
        self.taken = 0

    def __aiter__(self):
        return self  # an iterator is its own iterable

    async def __anext__(self):
        if self.taken == self.count:
            raise StopAsyncIteration  # tells async for to stop
        await asyncio.sleep(1)  # waiting for the sensor
        self.taken += 1
        return self.taken * 10


async def main():
    async for value in Readings(3):
        log(f"async for got {value}")

    readings = Readings(1)
    log(f"by hand, anext() gave {await anext(readings)}")
    try:
        await anext(readings)
    except StopAsyncIteration:
        log("the next anext() raised StopAsyncIteration")

    try:
        async for _ in [1, 2, 3]:  # fails before the first round
            ...
    except TypeError as error:
        log(f"a list in async for: {error}")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:after-log]
