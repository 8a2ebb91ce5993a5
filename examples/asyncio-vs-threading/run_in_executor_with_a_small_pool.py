# /// script
# [tool.fieldguide]
# virtual-time = false  # the queries really sleep, in worker threads
# ///
"""loop.run_in_executor() with a pool of two threads guarding a resource."""

import asyncio
import functools
import threading
import time
from concurrent.futures import ThreadPoolExecutor

lock = threading.Lock()
in_use = peak = 0  # connections in use now, and the most at once


def run_query(sql, *, timeout):
    """Stands in for a blocking database driver that allows 2 connections."""
    global in_use, peak
    with lock:
        in_use += 1
        peak = max(peak, in_use)
    time.sleep(0.05)  # the query runs; timeout is unused in this stand-in
    with lock:
        in_use -= 1
    return f"rows for {sql!r}", threading.current_thread().name


async def main(db_pool):
    loop = asyncio.get_running_loop()
    jobs = []
    for n in range(6):
        # run_in_executor() passes positional arguments only
        query = functools.partial(run_query, f"SELECT {n}", timeout=5)
        jobs.append(loop.run_in_executor(db_pool, query))
    results = await asyncio.gather(*jobs)
    threads = sorted({thread for _, thread in results})
    print(f"{len(results)} queries answered by the threads {threads}")
    print(f"never more than 2 connections at once: {peak <= 2}")


if __name__ == "__main__":
    # The pool lives outside the event loop: leaving the with block waits for
    # its threads, which must not happen inside a coroutine.
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="db") as pool:
        asyncio.run(main(pool))
