"""A fixed set of worker tasks takes jobs from a queue with room for two."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:main]
WORKERS = 2


async def produce(queue, jobs):
    for job in jobs:
        await queue.put(job)  # waits while the queue is full
        log(f"producer: queued {job[0]}")
    for _ in range(WORKERS):
        await queue.put(None)  # one "no more work" marker per worker


async def work(queue):
    me = asyncio.current_task().get_name()
    while (job := await queue.get()) is not None:
        name, seconds = job
        log(f"{me}: starts {name}")
        await asyncio.sleep(seconds)  # the job's work
        log(f"{me}: finished {name}")


async def main():
    queue = asyncio.Queue(maxsize=2)
    jobs = [("tea", 1), ("toast", 2), ("egg", 3), ("jam", 1), ("juice", 0.5)]
    async with asyncio.TaskGroup() as group:
        group.create_task(produce(queue, jobs), name="producer")
        for number in range(1, WORKERS + 1):
            group.create_task(work(queue), name=f"worker-{number}")
    log("main: every job done")


# --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
