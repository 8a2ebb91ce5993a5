"""asyncio closes abandoned async generators itself, later, in other tasks."""

import asyncio
import itertools
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


async def readings(sensor):
    try:
        for value in itertools.count(10, 10):
            await asyncio.sleep(1)
            yield value
    finally:
        task = asyncio.current_task().get_name()
        await asyncio.sleep(0.5)
        log(f"{sensor}: finally block ran in {task}")


# --8<-- [start:after-readings]
KEPT = []  # something that outlives main(), such as a cache


async def first_value(sensor, keep=False):
    stream = readings(sensor)
    if keep:
        KEPT.append(stream)
    async for value in stream:
        return value  # leaves the loop early, like break


async def main():
    log(f"main: runs in {asyncio.current_task().get_name()}")
    log(f"main: sensor A gave {await first_value('sensor A')}")
    await asyncio.sleep(1)
    log(f"main: sensor B gave {await first_value('sensor B', keep=True)}")
    await asyncio.sleep(1)
    log("main: returns")


if __name__ == "__main__":
    asyncio.run(main())
    log("asyncio.run() has returned")
# --8<-- [end:after-readings]
