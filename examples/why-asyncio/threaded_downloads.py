# /// script
# [tool.fieldguide]
# virtual-time = false  # sleeps in threads take real time
# ///
"""The blocking downloads in threads: each thread waits on its own."""

import asyncio
import threading
import time

# A fifth of the earlier times: these sleeps are real, even in the tests.
PAGES = {"home": 0.3, "news": 0.2, "shop": 0.4, "about": 0.1, "blog": 0.5}

lock = threading.Lock()
waiting = 0  # how many threads are inside time.sleep() right now
most_waiting = 0


def download(page, seconds):
    global waiting, most_waiting
    with lock:
        waiting += 1
        most_waiting = max(most_waiting, waiting)
    time.sleep(seconds)  # blocks this thread only
    with lock:
        waiting -= 1
    return page


async def main():
    started = time.perf_counter()
    pages = await asyncio.gather(
        *(asyncio.to_thread(download, p, s) for p, s in PAGES.items())
    )
    elapsed = time.perf_counter() - started
    total = sum(PAGES.values())
    print(f"downloaded: {', '.join(pages)}")
    print(f"threads waiting at the same moment, at most: {most_waiting}")
    print(f"finished sooner than the sum of the waits: {elapsed < total}")


if __name__ == "__main__":
    asyncio.run(main())
