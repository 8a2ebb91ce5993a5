# /// script
# requires-python = ">=3.13"
# ///
"""Python 3.13: async for over as_completed() yields the original tasks."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:main]
async def fetch(page, seconds):
    await asyncio.sleep(seconds)
    return f"<{page}>"


async def main():
    tasks = {
        asyncio.create_task(fetch(page, seconds)): page
        for page, seconds in [("home", 3), ("about", 1), ("contact", 2)]
    }
    try:
        async for task in asyncio.as_completed(tasks, timeout=2.5):
            log(f"{tasks[task]} finished: {task.result()}")
    except TimeoutError:
        unfinished = [page for task, page in tasks.items() if not task.done()]
        log(f"timed out; still running: {unfinished}")
        for task in tasks:
            task.cancel()  # does nothing to a task that is done
        await asyncio.wait(tasks)  # until the cancellation is complete
        log(f"cancelled: {[p for t, p in tasks.items() if t.cancelled()]}")


# --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
