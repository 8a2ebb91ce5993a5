"""Exercise solution: three tasks finish in order of their sleeps."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def timer(name, seconds):
    await asyncio.sleep(seconds)
    log(f"{name} ({seconds} s) finished")


async def main():
    first = asyncio.create_task(timer("first", 3))
    second = asyncio.create_task(timer("second", 1))
    third = asyncio.create_task(timer("third", 2))
    await first  # the other two finish while main() waits for this one
    await second
    await third
    log("all three done")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:after-log]
