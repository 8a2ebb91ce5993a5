# /// script
# [tool.fieldguide]
# virtual-time = false  # it starts real threads; nothing here is timed
# ///
"""What a coroutine, a task and a thread cost in memory."""

import asyncio
import os
import sys
import threading
import tracemalloc

COUNT = 10_000  # coroutines and tasks to measure
THREADS = 200
EXACT = False  # True: print the raw numbers, which vary by Python and OS


def report(label, size, bound):
    if EXACT:
        print(f"{label:<40} {size:7,.0f} bytes")
    else:  # a loose bound, true on Python 3.11 to 3.13
        side = "under" if size < bound else "over"
        print(f"{label:<40} {side} {bound:,} bytes")


def resident_bytes():
    """This process's resident memory (Linux only; None elsewhere)."""
    try:
        with open("/proc/self/statm") as statm:
            pages = int(statm.read().split()[1])
    except OSError:
        return None
    return pages * os.sysconf("SC_PAGE_SIZE")


def start_threads(gate):
    threads = [threading.Thread(target=gate.wait) for _ in range(THREADS)]
    for thread in threads:
        thread.start()  # returns once the thread runs; it blocks in wait()
    return threads


def measure_threads():
    gate = threading.Event()
    tracemalloc.start()
    threads = start_threads(gate)
    size, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    gate.set()
    for thread in threads:
        thread.join()
    report("a blocked thread, Python objects", size / THREADS, 2048)

    gate = threading.Event()
    before = resident_bytes()
    threads = start_threads(gate)
    after = resident_bytes()
    gate.set()
    for thread in threads:
        thread.join()
    if before is not None:
        resident = (after - before) / THREADS
        report("a blocked thread, resident memory", resident, 8192)


async def wait_for(gate):
    await gate


async def main():
    gate = asyncio.get_running_loop().create_future()

    coro = wait_for(gate)
    report("a coroutine object, sys.getsizeof()", sys.getsizeof(coro), 256)
    coro.close()

    tracemalloc.start()
    coros = [wait_for(gate) for _ in range(COUNT)]
    size, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    report("a coroutine object, tracemalloc", size / COUNT, 256)
    for coro in coros:
        coro.close()

    tracemalloc.start()
    tasks = [asyncio.create_task(wait_for(gate)) for _ in range(COUNT)]
    await asyncio.sleep(0)  # each task runs up to `await gate` and suspends
    size, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    report("a task with its suspended coroutine", size / COUNT, 1024)
    gate.set_result(None)
    await asyncio.gather(*tasks)

    measure_threads()  # blocks the loop for a moment; nothing else is running


if __name__ == "__main__":
    asyncio.run(main(), debug=False)  # debug mode adds to every coroutine
