"""Breaking out of async for leaves the async generator paused, not closed."""

import asyncio
import itertools
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def readings():
    log("generator: connects to the sensor")
    try:
        for value in itertools.count(10, 10):
            await asyncio.sleep(1)
            yield value
    finally:
        await asyncio.sleep(0.5)  # disconnecting takes time too
        log("generator: finally block has disconnected")


async def main():
    stream = readings()
    async for value in stream:
        log(f"main: got {value}, which is all it needs")
        break
    log("main: left the loop; the sensor is still connected")
    await asyncio.sleep(2)
    log("main: calls aclose()")
    await stream.aclose()
    log("main: aclose() has returned")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:after-log]
