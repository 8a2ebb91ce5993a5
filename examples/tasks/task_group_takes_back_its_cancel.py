# /// script
# requires-python = ">=3.13"
# ///
"""Python 3.13: a TaskGroup takes back the cancellation it sent its parent."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def fetch(page, seconds, parent):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        count = parent.cancelling()  # the group cancelled main's task too
        log(f"{page} was cancelled; main's cancelling() is {count}")
        raise
    if page == "missing":
        log(f"{page} fails")
        raise LookupError(f"no page called {page!r}")
    log(f"fetched {page}")


async def main():
    me = asyncio.current_task()
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(fetch("about", 1, me))
            group.create_task(fetch("missing", 2, me))
            group.create_task(fetch("home", 3, me))
            log("the body has finished; the group waits for its tasks")
    except* LookupError:
        log(f"caught the group's error; cancelling() is {me.cancelling()}")


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
