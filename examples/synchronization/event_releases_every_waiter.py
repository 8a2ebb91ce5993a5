"""An Event: every task waiting for it goes on when it is set."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def runner(name, pistol):
    log(f"{name}: on the line")
    await pistol.wait()  # returns at once if the event is already set
    log(f"{name}: running")


async def main():
    pistol = asyncio.Event()
    async with asyncio.TaskGroup() as group:
        group.create_task(runner("ada", pistol))
        group.create_task(runner("bo", pistol))
        await asyncio.sleep(1)
        log(f"starter: fires (was set: {pistol.is_set()})")
        pistol.set()  # wakes every waiter, now and later
        await asyncio.sleep(1)
        group.create_task(runner("late cy", pistol))
    pistol.clear()  # back to unset: the next wait() waits again
    log(f"after clear(): is_set() is {pistol.is_set()}")


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
