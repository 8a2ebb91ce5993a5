"""gather() runs awaitables together and returns results in argument order."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def fetch(page, seconds):
    await asyncio.sleep(seconds)
    log(f"fetched {page}")
    return f"<{page}>"


async def main():
    pages = await asyncio.gather(
        fetch("home", 3),
        fetch("about", 1),
        fetch("contact", 2),
    )
    log(f"gather returned {pages}")


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
