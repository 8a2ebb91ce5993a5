"""A Barrier holds each task until three have arrived, then lets all go."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def player(name, seconds, barrier):
    await asyncio.sleep(seconds)  # loading the level
    log(f"{name}: ready, waiting for the others")
    index = await barrier.wait()  # 0, 1 or 2: different for each task
    log(f"{name}: go (wait() returned {index})")
    if index == 0:  # exactly one task gets 0; let it do the one-off job
        log(f"{name}: announces the start")


async def main():
    barrier = asyncio.Barrier(3)
    async with asyncio.TaskGroup() as group:
        group.create_task(player("ana", 1, barrier), name="ana")
        group.create_task(player("ben", 3, barrier), name="ben")
        group.create_task(player("cal", 2, barrier), name="cal")
    log(f"after: {barrier.n_waiting} waiting, broken: {barrier.broken}")


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
