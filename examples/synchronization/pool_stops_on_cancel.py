"""Cancelling a worker pool: each worker puts back its job and cleans up."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def work(queue):
    me = asyncio.current_task().get_name()
    log(f"{me}: opens its connection")
    try:
        while True:
            job = await queue.get()
            try:
                await asyncio.sleep(2)  # the job's work
                log(f"{me}: finished {job}")
            except asyncio.CancelledError:
                queue.put_nowait(job)  # back in line for the next run
                log(f"{me}: cancelled during {job}, put it back")
                raise  # stay cancelled
            finally:
                queue.task_done()
    finally:
        log(f"{me}: closes its connection")  # runs however the loop ends


async def main():
    queue = asyncio.Queue()
    for job in ["a", "b", "c", "d", "e", "f"]:
        queue.put_nowait(job)
    workers = [
        asyncio.create_task(work(queue), name=f"worker-{number}")
        for number in (1, 2)
    ]
    await asyncio.sleep(3)  # say the program is told to stop now
    log("main: stopping the pool")
    for worker in workers:
        worker.cancel()
    await asyncio.gather(*workers, return_exceptions=True)  # let them finish
    left = [queue.get_nowait() for _ in range(queue.qsize())]
    log(f"main: jobs not done, for next time: {sorted(left)}")


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
