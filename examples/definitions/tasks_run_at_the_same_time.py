"""In tasks, coroutines run at the same time: the loop interleaves them."""

import asyncio

started = 0.0  # the event loop's clock when main() began


def log(message):
    """Print a message after the seconds since main() began."""
    elapsed = asyncio.get_running_loop().time() - started
    print(f"{elapsed:3.1f}s  {message}")


async def brew(drink, seconds):
    log(f"start {drink}")
    await asyncio.sleep(seconds)
    log(f"{drink} is ready")
    return drink


# --8<-- [start:main]
async def main():
    global started
    started = asyncio.get_running_loop().time()
    tea_task = asyncio.create_task(brew("tea", 3))
    coffee_task = asyncio.create_task(brew("coffee", 2))
    log("main() created two tasks")
    tea = await tea_task
    coffee = await coffee_task  # already done: returns its result at once
    log(f"served {tea} and {coffee}")


# --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
