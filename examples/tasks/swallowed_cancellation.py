"""Swallowing CancelledError breaks the timeout around the code."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def fetch_with_retries():
    for attempt in range(1, 4):
        try:
            await asyncio.sleep(2)  # one attempt at the request
            return f"reply on attempt {attempt}"
        except asyncio.CancelledError:
            # Wrong: the cancellation is treated as a failed attempt.
            log(f"attempt {attempt} was cancelled; retrying")


async def main():
    async with asyncio.timeout(1):
        result = await fetch_with_retries()
    log(f"no TimeoutError; got {result!r}")


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
