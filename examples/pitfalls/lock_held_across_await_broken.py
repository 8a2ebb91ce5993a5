"""One lock around a cache, held during a slow fetch: requests queue up."""

import asyncio
import time

START = time.perf_counter()
cache = {}
fetched = []  # the keys fetched, in order
lock = asyncio.Lock()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


async def fetch(key):
    fetched.append(key)
    await asyncio.sleep(1)  # a slow network call
    return key.upper()


async def get(key):
    async with lock:  # the bug: every key waits for every fetch
        if key not in cache:
            cache[key] = await fetch(key)
        return cache[key]


async def request(key, delay):
    await asyncio.sleep(delay)
    value = await get(key)
    log(f"get({key!r}) asked at {delay:.1f}s -> {value!r}")


async def main():
    async with asyncio.TaskGroup() as group:
        for delay, key in enumerate("abac"):
            group.create_task(request(key, delay / 10))
    log(f"all done; fetched {fetched}")


if __name__ == "__main__":
    asyncio.run(main())
