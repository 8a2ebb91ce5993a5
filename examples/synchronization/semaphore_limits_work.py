"""A Semaphore lets at most two downloads run at once, whatever is started."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
LIMIT = 2
in_flight = 0
most = 0


async def download(name, seconds, limit):
    global in_flight, most
    async with limit:  # waits while two downloads hold it
        in_flight += 1
        most = max(most, in_flight)
        log(f"{name}: starts ({in_flight} running)")
        await asyncio.sleep(seconds)
        in_flight -= 1
        log(f"{name}: done")


async def main():
    limit = asyncio.Semaphore(LIMIT)
    files = [("a", 1), ("b", 2.5), ("c", 1), ("d", 1), ("e", 2)]
    async with asyncio.TaskGroup() as group:  # a task for every file
        for name, seconds in files:
            group.create_task(download(name, seconds, limit))
    log(f"{len(files)} downloads, at most {most} at once")


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
