# /// script
# [tool.fieldguide]
# virtual-time = false  # sleeps in other threads take real time
# ///
"""The same blocking downloads, each in a thread of its own."""

import time
from concurrent.futures import ThreadPoolExecutor

# The earlier delays divided by ten, so that the program finishes quickly.
PAGES = {"home": 0.15, "news": 0.1, "shop": 0.2, "about": 0.05, "blog": 0.25}


def download(page, seconds):
    began = time.perf_counter()
    time.sleep(seconds)  # blocks this thread only
    return began, time.perf_counter()


def main():
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=5) as pool:
        spans = list(pool.map(download, PAGES, PAGES.values()))
    took = time.perf_counter() - start
    last_start = max(began for began, ended in spans)
    first_finish = min(ended for began, ended in spans)
    print(f"all five were waiting at once: {last_start < first_finish}")
    print(f"faster than the sum of the waits: {took < sum(PAGES.values())}")


if __name__ == "__main__":
    main()
