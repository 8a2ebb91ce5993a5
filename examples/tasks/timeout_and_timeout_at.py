"""timeout() limits a block of code; timeout_at() sets a fixed deadline."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def step(name, seconds):
    try:
        await asyncio.sleep(seconds)
        log(f"{name}: done")
    except asyncio.CancelledError:
        log(f"{name}: cancelled by the timeout")
        raise


async def main():
    try:
        async with asyncio.timeout(2) as limit:
            await step("connect", 1)
            await step("download", 5)
    except TimeoutError:
        log(f"TimeoutError; expired() is {limit.expired()}")

    deadline = asyncio.get_running_loop().time() + 3  # one deadline for all
    for name, seconds in [("first", 1), ("second", 1), ("third", 2)]:
        try:
            async with asyncio.timeout_at(deadline):
                await step(name, seconds)
        except TimeoutError:
            log(f"{name}: missed the shared deadline")


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
