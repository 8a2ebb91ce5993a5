"""Exercise solution: stop early, yet close the generator before returning."""

import asyncio
import contextlib
import itertools
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


async def pages():
    log("pages: session opened")
    try:
        for number in itertools.count(1):
            await asyncio.sleep(1)  # fetching one page
            log(f"pages: fetched page {number}")
            yield [number * 10 + offset for offset in range(3)]
    finally:
        await asyncio.sleep(0.5)
        log("pages: session closed")


async def first_match(wanted):
    async with contextlib.aclosing(pages()) as stream:
        async for page in stream:
            for item in page:
                if wanted(item):
                    return item  # aclosing closes the session first


async def main():
    item = await first_match(lambda item: item % 7 == 0)
    log(f"main: first_match() returned {item}")


if __name__ == "__main__":
    asyncio.run(main())
