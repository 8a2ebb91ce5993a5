"""A thousand waits at once, on one thread, take as long as one wait."""

import asyncio
import threading
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def fetch(number):
    await asyncio.sleep(1)  # each one waits a whole second
    return number


async def main():
    numbers = await asyncio.gather(*(fetch(n) for n in range(1000)))
    log(f"{len(numbers)} fetches done, each after a 1-second wait")
    log(f"threads in this process: {threading.active_count()}")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:after-log]
