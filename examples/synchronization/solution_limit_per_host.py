"""Solution: at most two downloads at a time from each host."""

import asyncio
import time
from collections import Counter, defaultdict
from urllib.parse import urlsplit

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
PER_HOST = 2
running = Counter()
most = Counter()
finished = defaultdict(list)  # host -> the seconds at which each page came


async def download(url, limits):
    host = urlsplit(url).hostname
    async with limits[host]:  # made the first time this host comes up
        running[host] += 1
        most[host] = max(most[host], running[host])
        await asyncio.sleep(1)
        running[host] -= 1
        finished[host].append(f"{time.perf_counter() - START:.1f}")


async def main():
    # One semaphore per host, for this run only: a primitive must not
    # outlive the loop it was used on.
    limits = defaultdict(lambda: asyncio.Semaphore(PER_HOST))
    urls = [f"https://a.example/{n}" for n in range(5)]
    urls += [f"https://b.example/{n}" for n in range(3)]
    async with asyncio.TaskGroup() as group:
        for url in urls:
            group.create_task(download(url, limits))
    for host, seconds in sorted(finished.items()):
        log(f"{host}: pages done at {', '.join(seconds)} s")
    log(f"most at once per host: {dict(most)}")


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
