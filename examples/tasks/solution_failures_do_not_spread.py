"""Exercise solution: catch failures inside each task to keep the others."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def fetch(page, seconds):
    await asyncio.sleep(seconds)
    if page == "missing":
        raise LookupError(f"no page called {page!r}")
    return f"<{page}>"


async def fetch_or_report(page, seconds):
    try:
        return await fetch(page, seconds)
    except Exception as error:  # only failures: CancelledError still passes
        log(f"{page} failed: {error}")
        return None


async def main():
    pages = {"about": 1, "missing": 2, "home": 3}
    async with asyncio.TaskGroup() as group:
        tasks = {
            page: group.create_task(fetch_or_report(page, seconds))
            for page, seconds in pages.items()
        }
    results = {page: task.result() for page, task in tasks.items()}
    log(f"results: {results}")


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
