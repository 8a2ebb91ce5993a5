"""In tasks, coroutines run at the same time: the loop interleaves them."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


async def brew(drink, seconds):
    log(f"start {drink}")
    await asyncio.sleep(seconds)
    log(f"{drink} is ready")
    return drink


# --8<-- [start:main]
async def main():
    tea_task = asyncio.create_task(brew("tea", 3))
    coffee_task = asyncio.create_task(brew("coffee", 2))
    log("main() created two tasks")
    tea = await tea_task
    coffee = await coffee_task  # already done: returns its result at once
    log(f"served {tea} and {coffee}")


# --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
