# /// script
# [tool.fieldguide]
# virtual-time = false  # it times real thread and process start-ups
# blocks-the-loop = true  # main() waits for threads and processes directly
# timeout = 30  # starting processes is slow on a busy machine
# ///
"""Starting a process costs far more than starting a thread."""

import asyncio
import multiprocessing
import threading
import time

COUNT = 5


def do_nothing():
    pass


def start_and_join(make_worker):
    """Seconds taken to start COUNT workers and wait for them all."""
    started = time.perf_counter()
    workers = [make_worker(target=do_nothing) for _ in range(COUNT)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return time.perf_counter() - started


async def main():
    spawn = multiprocessing.get_context("spawn")
    threads = start_and_join(threading.Thread)
    processes = start_and_join(spawn.Process)
    print(f"started and finished {COUNT} threads and {COUNT} processes")
    # The real ratio depends on the machine and its load: usually far more.
    print(f"processes took over 10 times as long: {processes > 10 * threads}")


if __name__ == "__main__":
    asyncio.run(main())
