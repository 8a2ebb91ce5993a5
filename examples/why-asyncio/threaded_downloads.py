# /// script
# [tool.fieldguide]
# virtual-time = false  # sleeps in other threads take real time
# blocks-the-loop = true  # main() waits for the thread pool directly
# ///
"""The same blocking downloads, each in a thread of its own."""

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

PAGES = {"home": 1.5, "news": 1.0, "shop": 2.0, "about": 0.5, "blog": 2.5}


def download(page, seconds):
    began = time.perf_counter()
    time.sleep(seconds)  # blocks this thread only
    return began, time.perf_counter()


async def main():
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=5) as pool:
        spans = list(pool.map(download, PAGES, PAGES.values()))
    took = time.perf_counter() - start
    last_start = max(began for began, ended in spans)
    first_finish = min(ended for began, ended in spans)
    print(f"all five were waiting at once: {last_start < first_finish}")
    print(f"faster than the sum of the waits: {took < sum(PAGES.values())}")


if __name__ == "__main__":
    asyncio.run(main())
