"""When one awaitable fails, gather() raises at once; the rest keep going."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def fetch(page, seconds):
    await asyncio.sleep(seconds)
    if page == "missing":
        log(f"{page} fails")
        raise LookupError(f"no page called {page!r}")
    log(f"fetched {page}")
    return f"<{page}>"


async def main():
    slow = asyncio.create_task(fetch("slow", 3))
    try:
        await asyncio.gather(fetch("fast", 1), fetch("missing", 2), slow)
    except LookupError as error:
        log(f"gather raised {type(error).__name__}: {error}")
    log(f"is the slow task still running? {not slow.done()}")
    log(f"awaiting it anyway gives {await slow}")


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
