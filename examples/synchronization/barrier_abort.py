"""abort() breaks a Barrier: waiting tasks and later arrivals get an error."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def player(name, barrier):
    try:
        await barrier.wait()
        log(f"{name}: go")
    except asyncio.BrokenBarrierError:
        log(f"{name}: BrokenBarrierError, the game is off")


async def main():
    barrier = asyncio.Barrier(3)
    async with asyncio.TaskGroup() as group:
        group.create_task(player("ana", barrier))
        group.create_task(player("ben", barrier))
        await asyncio.sleep(1)  # the third player never comes
        log("host: gives up waiting and aborts")
        await barrier.abort()
    log(f"broken: {barrier.broken}")
    await player("cal", barrier)  # too late: the barrier stays broken
    await barrier.reset()  # back to empty and usable
    log(f"after reset(): broken: {barrier.broken}")
    async with asyncio.TaskGroup() as group:  # a full game this time
        for name in ("ana", "ben", "cal"):
            group.create_task(player(name, barrier))


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
