"""contextlib.aclosing: the async generator is closed when the block ends."""

import asyncio
import contextlib
import itertools
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def readings(sensor):
    try:
        for value in itertools.count(10, 10):
            await asyncio.sleep(1)
            yield value
    finally:
        task = asyncio.current_task().get_name()
        await asyncio.sleep(0.5)
        log(f"{sensor}: finally block ran in {task}")


async def first_value(sensor):
    async with contextlib.aclosing(readings(sensor)) as stream:
        async for value in stream:
            return value  # aclosing awaits stream.aclose() on the way out


async def main():
    log(f"main: runs in {asyncio.current_task().get_name()}")
    log(f"main: sensor A gave {await first_value('sensor A')}")
    log("main: returns")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:after-log]
