"""An asynchronous generator: async def with yield writes the iterator."""

import asyncio
import inspect
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def readings(count):
    log("readings() starts")
    for taken in range(1, count + 1):
        await asyncio.sleep(1)  # waiting for the sensor
        yield taken * 10


async def main():
    log(f"coroutine function? {inspect.iscoroutinefunction(readings)}")
    log(f"async generator function? {inspect.isasyncgenfunction(readings)}")
    stream = readings(3)
    log(f"readings(3) returned an {type(stream).__name__} object")
    log(f"it is its own async iterator: {aiter(stream) is stream}")
    try:
        await stream
    except TypeError as error:
        log(f"but await stream raises {type(error).__name__}")
    async for value in stream:
        log(f"async for got {value}")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:after-log]
