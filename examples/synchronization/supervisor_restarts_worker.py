"""A supervisor replaces a crashed worker; the job it held is tried again."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
class Crash(Exception):
    pass


async def work(queue, results):
    me = asyncio.current_task().get_name()
    while True:
        job, attempt = await queue.get()
        try:
            await asyncio.sleep(1)
            if job == "c" and attempt == 1:  # a bug that strikes once
                raise Crash(f"{me} crashed on {job}")
            if job == "e":  # a job that crashes every worker it meets
                raise Crash(f"{me} crashed on {job}")
            results.append(job)
            log(f"{me}: finished {job}")
        except Exception:  # any crash: the job must not be lost with it
            if attempt < 2:
                queue.put_nowait((job, attempt + 1))  # one more try
            else:
                results.append(f"{job} FAILED")
                log(f"{me}: {job} failed twice; recorded, not retried")
            raise  # the worker dies; the supervisor will replace it
        finally:
            queue.task_done()


async def supervise(queue, results, size):
    started = 0

    def start():
        nonlocal started
        started += 1
        name = f"worker-{started}"
        return asyncio.create_task(work(queue, results), name=name)

    workers = {start() for _ in range(size)}
    try:
        while True:
            # wait() returns the ended workers and those still running.
            done, workers = await asyncio.wait(
                workers, return_when=asyncio.FIRST_COMPLETED
            )
            for worker in done:
                log(f"supervisor: {worker.exception()}; starting a new worker")
                workers.add(start())
    finally:
        for worker in workers:
            worker.cancel()
        await asyncio.gather(*workers, return_exceptions=True)


async def main():
    queue = asyncio.Queue()
    results = []
    for job in "abcde":
        queue.put_nowait((job, 1))
    supervisor = asyncio.create_task(supervise(queue, results, size=2))
    await queue.join()  # every job finished, including the retry
    supervisor.cancel()  # it cancels the workers as it stops
    await asyncio.gather(supervisor, return_exceptions=True)
    log(f"main: results {results}")


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
