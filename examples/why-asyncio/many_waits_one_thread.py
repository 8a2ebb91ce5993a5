"""A hundred waits at once, on one thread, take as long as one wait."""

import asyncio
import threading
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def fetch():
    await asyncio.sleep(1)  # each one waits a whole second
    return threading.active_count()  # threads in this process right now


async def main():
    counts = await asyncio.gather(*(fetch() for _ in range(100)))
    log(f"{len(counts)} one-second waits are over")
    log(f"most threads seen at the end of a wait: {max(counts)}")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:after-log]
