"""as_completed() hands back results in the order the work finishes."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:main]
async def fetch(page, seconds):
    await asyncio.sleep(seconds)
    return f"<{page}>"


async def main():
    pages = [("home", 3), ("about", 1), ("contact", 2)]
    work = [asyncio.create_task(fetch(page, s)) for page, s in pages]
    for next_finished in asyncio.as_completed(work):
        page = await next_finished  # the result of whichever finishes next
        log(f"got {page}")


# --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
