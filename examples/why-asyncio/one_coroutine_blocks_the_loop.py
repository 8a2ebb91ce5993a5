# /// script
# [tool.fieldguide]
# blocks-the-loop = true  # a coroutine calls a blocking function on purpose
# ///
"""One coroutine that calls a blocking function stops every other one."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
def resize_image():
    """An ordinary function that blocks for 1.5 seconds."""
    time.sleep(1.5)  # stands in for heavy work or a blocking library call


async def heartbeat():
    for beat in range(1, 6):
        await asyncio.sleep(0.5)
        log(f"heartbeat {beat}")


async def download(page, seconds):
    log(f"start  {page} (takes {seconds}s)")
    await asyncio.sleep(seconds)
    log(f"finish {page}")


async def handle_upload():
    await asyncio.sleep(1.1)
    log("handle_upload() calls resize_image()")
    resize_image()  # no await: the event loop cannot run anything else
    log("resize_image() has returned")


async def main():
    await asyncio.gather(heartbeat(), download("home", 1.2), handle_upload())


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:after-log]
