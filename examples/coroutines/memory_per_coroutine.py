# /// script
# [tool.fieldguide]
# coverage = false  # coverage's tracer would change the memory figures
# virtual-time = false  # it starts real threads; nothing here is timed
# ///
"""What a paused coroutine, a paused task and a blocked thread cost."""

import asyncio
import os
import sys
import threading
import tracemalloc

COUNT = 2_000  # coroutines and tasks are cheap: measure many
THREADS = 50  # enough threads to average out 4 KiB memory pages
EXACT = False  # True: print the raw numbers, which vary by Python and OS


def report(label, value, bound, unit="bytes"):
    if EXACT:
        print(f"{label:<44} {value:7,.0f} {unit}")
    else:  # a loose bound, true on Python 3.11 to 3.13 (see the text)
        side = "under" if value < bound else "over"
        print(f"{label:<44} {side} {bound:,} {unit}")


def resident_bytes():
    """This process's resident memory in bytes (Linux only, else None)."""
    try:
        with open("/proc/self/statm") as statm:
            pages = int(statm.read().split()[1])
    except OSError:
        return None
    return pages * os.sysconf("SC_PAGE_SIZE")


async def wait_for(gate):
    await gate


def start_threads(gate):
    threads = [threading.Thread(target=gate.wait) for _ in range(THREADS)]
    for thread in threads:
        thread.start()  # returns once the thread runs; it blocks in wait()
    return threads


def stop_threads(gate, threads):
    gate.set()
    for thread in threads:
        thread.join()


async def main():
    loop = asyncio.get_running_loop()
    # 1. Resident memory, first, while the process is fresh
    gate, thread_gate = loop.create_future(), threading.Event()
    before = resident_bytes()
    tasks = [asyncio.create_task(wait_for(gate)) for _ in range(COUNT)]
    await asyncio.sleep(0)  # each task runs to `await gate` and pauses
    middle = resident_bytes()
    threads = start_threads(thread_gate)  # blocks the loop for a moment
    after = resident_bytes()
    if before is not None:
        per_task = (middle - before) / COUNT
        per_thread = (after - middle) / THREADS
        report("a paused task, resident memory", per_task, 1536)
        report("a blocked thread, resident memory", per_thread, 12_288)
        report(
            "a thread / a task, resident memory",
            per_thread / per_task,
            10,
            "times",
        )
    stop_threads(thread_gate, threads)
    gate.set_result(None)
    await asyncio.gather(*tasks)

    # 2. What tracemalloc sees: only the memory Python allocates itself
    gate = loop.create_future()
    tracemalloc.start()
    coros = [wait_for(gate) for _ in range(COUNT)]
    for coro in coros:
        coro.send(None)  # run it by hand to `await gate`, where it pauses
        gate._asyncio_future_blocking = False  # as a task does
    size, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    report("a paused coroutine, sys.getsizeof()", sys.getsizeof(coro), 256)
    report("a paused coroutine, tracemalloc", size / COUNT, 256)
    for coro in coros:
        coro.close()

    tracemalloc.start()
    tasks = [asyncio.create_task(wait_for(gate)) for _ in range(COUNT)]
    await asyncio.sleep(0)
    size, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    report("a paused task, tracemalloc", size / COUNT, 1024)
    gate.set_result(None)
    await asyncio.gather(*tasks)

    thread_gate = threading.Event()
    tracemalloc.start()
    threads = start_threads(thread_gate)
    size, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    stop_threads(thread_gate, threads)
    report("a blocked thread, tracemalloc", size / THREADS, 2048)


if __name__ == "__main__":
    # debug=False explicitly: -X dev or PYTHONASYNCIODEBUG=1 would otherwise
    # switch debug mode on, and it makes every coroutine and task bigger
    asyncio.run(main(), debug=False)
