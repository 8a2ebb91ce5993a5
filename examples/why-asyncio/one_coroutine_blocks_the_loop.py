# /// script
# [tool.fieldguide]
# blocks-the-loop = true  # it calls time.sleep() inside a coroutine on purpose
# ///
"""One coroutine that calls time.sleep() stops every other coroutine."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def heartbeat():
    for beat in range(1, 6):
        await asyncio.sleep(0.5)
        log(f"heartbeat {beat}")


async def download(page, seconds):
    log(f"start  {page} (takes {seconds}s)")
    await asyncio.sleep(seconds)
    log(f"finish {page}")


async def resize_image():
    await asyncio.sleep(1.1)
    log("resize_image() calls time.sleep(1.5)")
    time.sleep(1.5)  # noqa: ASYNC251  (blocks the loop, on purpose)
    log("resize_image() is done")


async def main():
    await asyncio.gather(heartbeat(), download("home", 1.2), resize_image())


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:after-log]
