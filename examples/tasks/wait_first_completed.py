"""wait(FIRST_COMPLETED) returns as soon as any task is done."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def job(seconds):
    await asyncio.sleep(seconds)
    return seconds


async def main():
    pending = {asyncio.create_task(job(s), name=f"job-{s}") for s in (3, 1, 2)}
    while pending:
        done, pending = await asyncio.wait(
            pending, return_when=asyncio.FIRST_COMPLETED
        )
        for task in done:
            log(f"{task.get_name()} finished with {task.result()}")
        log(f"still pending: {len(pending)}")


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
