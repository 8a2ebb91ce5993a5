"""One lock per key: different keys fetch at once, one key fetches once."""

import asyncio
import time
from collections import defaultdict

START = time.perf_counter()
cache = {}
fetched = []  # the keys fetched, in order
locks = defaultdict(asyncio.Lock)  # a new lock for each new key


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


async def fetch(key):
    fetched.append(key)
    await asyncio.sleep(1)  # a slow network call
    return key.upper()


async def get(key):
    async with locks[key]:  # the fix: only requests for this key wait
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
