"""When a task in a TaskGroup fails, the group cancels the others."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def fetch(page, seconds):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        log(f"{page} was cancelled")
        raise
    if page == "missing":
        log(f"{page} fails")
        raise LookupError(f"no page called {page!r}")
    log(f"fetched {page}")
    return f"<{page}>"


async def main():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(fetch("about", 1))
            group.create_task(fetch("missing", 2))
            group.create_task(fetch("home", 3))
    except* LookupError as group_error:
        log(f"caught {type(group_error).__name__}: {group_error}")
        log(f"what it holds: {group_error.exceptions!r}")


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
