# /// script
# [tool.fieldguide]
# virtual-time = false  # it measures real computing time
# ///
"""Two computing threads take turns: together they keep about one core busy."""

import sys
import threading
import time

COUNT = 500_000


def count_down(n, cpu_seconds):
    """Pure-Python computing: no I/O, no waiting, no C code to lean on."""
    while n > 0:
        n -= 1
    cpu_seconds.append(time.thread_time())  # CPU time this thread used


def main():
    cpu_seconds = []
    threads = [
        threading.Thread(target=count_down, args=[COUNT, cpu_seconds])
        for _ in range(2)
    ]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    # Two threads computing in parallel use two CPU seconds per second.
    cores_busy = sum(cpu_seconds) / elapsed
    # sys._is_gil_enabled() exists from Python 3.13; before that, always on.
    gil = getattr(sys, "_is_gil_enabled", lambda: True)()
    print(f"the GIL is enabled: {gil}")
    print(f"the threads kept less than 1.5 cores busy: {cores_busy < 1.5}")


if __name__ == "__main__":
    main()
