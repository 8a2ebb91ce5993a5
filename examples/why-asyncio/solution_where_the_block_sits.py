# /// script
# [tool.fieldguide]
# blocks-the-loop = true  # one download calls time.sleep() on purpose
# ///
"""Exercise solution: the cost of a blocking call depends on when it runs."""

import asyncio
import time

started = time.perf_counter()  # reset at the start of each race


def log(message):
    """Print a message after the seconds since the current race started."""
    print(f"{time.perf_counter() - started:3.1f}s  {message}")


# --8<-- [start:after-log]
async def cooperative(page, seconds):
    await asyncio.sleep(seconds)
    log(f"{page} finished")


async def blocking(page, seconds):
    time.sleep(seconds)  # noqa: ASYNC251  (blocks the loop, on purpose)
    log(f"{page} finished")


async def race(title, *downloads):
    global started
    started = time.perf_counter()
    print(title)
    await asyncio.gather(*downloads)


async def main():
    await race(
        "-- the blocking download first --",
        blocking("home", 2),
        cooperative("news", 1),
        cooperative("shop", 3),
    )
    await race(
        "-- the blocking download last --",
        cooperative("news", 1),
        cooperative("shop", 3),
        blocking("home", 2),
    )


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:after-log]
