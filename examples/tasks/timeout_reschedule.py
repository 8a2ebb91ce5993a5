"""An idle timeout: each chunk that arrives pushes the deadline back."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def receive(gaps):
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(None) as idle:  # no deadline yet
            for number, gap in enumerate(gaps, start=1):
                idle.reschedule(loop.time() + 2)  # at most 2 s of silence
                await asyncio.sleep(gap)  # waiting for the next chunk
                log(f"chunk {number} arrived")
        log("transfer complete")
    except TimeoutError:
        log("no data for 2 s: giving up")


async def main():
    await receive([1, 1.5, 1.5, 1])
    await receive([1, 1, 3])


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
