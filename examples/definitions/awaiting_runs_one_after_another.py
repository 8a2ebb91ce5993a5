"""Awaiting coroutines one by one: each waits for the one before it."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def brew(drink, seconds):
    log(f"start {drink}")
    await asyncio.sleep(seconds)
    log(f"{drink} is ready")
    return drink


async def main():
    tea = await brew("tea", 3)
    coffee = await brew("coffee", 2)
    log(f"served {tea} and {coffee}")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:after-log]
