"""task_done() and join(): wait until every job is finished, then stop."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def work(queue):
    me = asyncio.current_task().get_name()
    while True:
        name, seconds = await queue.get()
        try:
            await asyncio.sleep(seconds)
            log(f"{me}: finished {name}")
        finally:
            queue.task_done()  # one call per get(), even if the job fails


async def main():
    queue = asyncio.Queue()
    for job in [("a", 2), ("b", 1), ("c", 1), ("d", 3), ("e", 1)]:
        queue.put_nowait(job)
    workers = [
        asyncio.create_task(work(queue), name=f"worker-{number}")
        for number in (1, 2)
    ]
    await queue.join()  # until task_done() has been called for each job
    log(f"all jobs done; {queue.qsize()} left in the queue")
    for worker in workers:  # they wait forever on get(): stop them
        worker.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    log(f"workers cancelled: {[w.cancelled() for w in workers]}")


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
