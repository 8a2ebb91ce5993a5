"""create_task() schedules a coroutine; every task has a name."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def download(size):
    name = asyncio.current_task().get_name()
    log(f"{name}: starts downloading {size} MB")
    await asyncio.sleep(size / 10)
    log(f"{name}: done")
    return size


async def main():
    log(f"main runs in the task named {asyncio.current_task().get_name()!r}")
    unnamed = asyncio.create_task(download(20))
    named = asyncio.create_task(download(10), name="small-file")
    log(f"created {unnamed.get_name()!r} and {named.get_name()!r}")
    unnamed.set_name("big-file")
    log("renamed the first task; nothing has started yet")
    total = await unnamed + await named
    log(f"downloaded {total} MB in total")


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
