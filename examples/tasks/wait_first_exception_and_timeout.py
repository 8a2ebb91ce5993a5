"""wait() with FIRST_EXCEPTION, and with a timeout that cancels nothing."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:main]
async def job(seconds, fail=False):
    await asyncio.sleep(seconds)
    if fail:
        raise RuntimeError(f"job-{seconds} broke")
    return seconds


def names(tasks):  # sorted, because sets have no order
    return sorted(task.get_name() for task in tasks)


async def main():
    tasks = [
        asyncio.create_task(job(1), name="job-1"),
        asyncio.create_task(job(2, fail=True), name="job-2"),
        asyncio.create_task(job(4), name="job-4"),
    ]
    done, pending = await asyncio.wait(
        tasks, return_when=asyncio.FIRST_EXCEPTION
    )
    log(f"FIRST_EXCEPTION: done {names(done)}, pending {names(pending)}")
    for task in done:
        if task.exception() is not None:
            log(f"{task.get_name()} raised {task.exception()!r}")

    done, pending = await asyncio.wait(pending, timeout=1)
    log(f"after a 1 s timeout: done {names(done)}, pending {names(pending)}")

    done, pending = await asyncio.wait(pending)  # ALL_COMPLETED by default
    log(f"ALL_COMPLETED: done {names(done)}, pending {names(pending)}")


# --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
