"""A TaskGroup: the async with block ends when all its tasks are done."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def fetch(page, seconds):
    await asyncio.sleep(seconds)
    log(f"fetched {page}")
    return f"<{page}>"


async def main():
    async with asyncio.TaskGroup() as group:
        home = group.create_task(fetch("home", 2))
        about = group.create_task(fetch("about", 1))
        log("both tasks created; the block is about to end")
    log("the async with block has ended")
    log(f"results: {home.result()} {about.result()}")


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
