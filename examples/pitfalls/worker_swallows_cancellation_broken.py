"""A worker that catches BaseException cannot be stopped with cancel()."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


async def process(job):
    await asyncio.sleep(1)
    if job == 2:
        raise ValueError("bad input")
    log(f"worker: job {job} done")


async def worker(queue):
    while True:
        job = await queue.get()
        try:
            await process(job)
        except BaseException as error:  # the bug: CancelledError too
            log(f"worker: job {job} failed: {error!r}; carrying on")


async def main():
    queue = asyncio.Queue()
    for job in range(1, 5):
        queue.put_nowait(job)
    task = asyncio.create_task(worker(queue))
    await asyncio.sleep(2.5)
    log("main(): shutting down, cancelling the worker")
    task.cancel()
    done, _ = await asyncio.wait([task], timeout=3)  # wait at most 3 s
    log(f"main(): worker stopped: {bool(done)}")


if __name__ == "__main__":
    asyncio.run(main())
