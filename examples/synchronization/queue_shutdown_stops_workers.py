# /// script
# requires-python = ">=3.13"
# ///
"""Python 3.13: Queue.shutdown() ends the workers without marker items."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def work(queue, done):
    me = asyncio.current_task().get_name()
    try:
        while True:
            job = await queue.get()  # raises QueueShutDown when it is over
            await asyncio.sleep(1)
            done.append(job)
            queue.task_done()
    except asyncio.QueueShutDown:
        log(f"{me}: queue shut down, stopping")


async def run(immediate):
    queue = asyncio.Queue()
    done = []
    async with asyncio.TaskGroup() as group:
        for number in (1, 2):
            group.create_task(work(queue, done), name=f"worker-{number}")
        for job in range(1, 7):
            await queue.put(job)
        await asyncio.sleep(1.5)
        log(f"main: shutdown(immediate={immediate}), {queue.qsize()} queued")
        queue.shutdown(immediate=immediate)
        try:
            await queue.put(7)
        except asyncio.QueueShutDown:
            log("main: put() after shutdown raises QueueShutDown")
    log(f"main: jobs done {done}")


async def main():
    await run(immediate=False)  # the workers finish what is queued
    await run(immediate=True)  # what is still queued is dropped


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
