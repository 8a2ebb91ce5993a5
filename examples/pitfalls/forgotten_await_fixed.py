# /// script
# [tool.fieldguide]
# coverage = false  # it never gives up: the broken version shows that path
# ///
"""With the await back, the retries wait, and the third one succeeds."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


async def fetch_price():
    await asyncio.sleep(0.1)
    if time.perf_counter() - START < 2:  # the service is back after 2 s
        raise ConnectionError("service unavailable")
    return 42


async def fetch_with_retries():
    for attempt in range(1, 4):
        try:
            return await fetch_price()
        except ConnectionError as error:
            log(f"attempt {attempt} failed ({error}); waiting 1 s")
            await asyncio.sleep(1)  # the fix: the task waits 1 s
    raise ConnectionError("gave up after 3 attempts")


async def main():
    try:
        log(f"price: {await fetch_with_retries()}")
    except ConnectionError as error:
        log(f"error: {error}")


if __name__ == "__main__":
    asyncio.run(main())
