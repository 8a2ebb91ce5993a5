"""One lock per key: different keys fetch at once, one key fetches once."""

import asyncio
import time
from collections import defaultdict

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


async def fetch(key):
    await asyncio.sleep(1)  # a slow network call
    return key.upper()


class Cache:
    def __init__(self):
        self.values = {}
        self.fetched = []  # the keys fetched, in order
        self.locks = defaultdict(asyncio.Lock)  # a new lock for each new key

    async def get(self, key):
        async with self.locks[key]:  # the fix: only requests for this key wait
            if key not in self.values:
                self.fetched.append(key)
                self.values[key] = await fetch(key)
            return self.values[key]


async def request(cache, key, delay):
    await asyncio.sleep(delay)
    value = await cache.get(key)
    log(f"get({key!r}) asked at {delay:.1f}s -> {value!r}")


async def main():
    cache = Cache()  # made in main(), not at module level, and passed on
    async with asyncio.TaskGroup() as group:
        for delay, key in enumerate("abac"):
            group.create_task(request(cache, key, delay / 10))
    log(f"all done; fetched {cache.fetched}")


if __name__ == "__main__":
    asyncio.run(main())
