"""Run work every second: sleep(interval) drifts, a fixed schedule does not."""

import asyncio
import math
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def check(name, run):
    log(f"{name:>8}: run {run} starts")
    await asyncio.sleep(1.5 if run == 3 else 0.3)  # work takes time


async def drifting(interval):
    run = 0
    while True:
        run += 1
        await check("drifting", run)
        await asyncio.sleep(interval)  # counted from the end of the work


async def on_time(interval):
    loop = asyncio.get_running_loop()
    start = loop.time()
    run = slot = 0
    while True:
        run += 1
        await check("on time", run)
        # Sleep until the next slot on a fixed grid, start + slot * interval.
        # After a run that overran, skip the slots it missed: never run late.
        slot = max(slot + 1, math.ceil((loop.time() - start) / interval))
        await asyncio.sleep(start + slot * interval - loop.time())


async def main():
    tickers = [
        asyncio.create_task(drifting(1)),
        asyncio.create_task(on_time(1)),
    ]
    await asyncio.sleep(5.5)
    for ticker in tickers:
        ticker.cancel()  # it stops at the await where it is paused
    await asyncio.wait(tickers)  # let them finish stopping
    log(f"stopped; cancelled: {[ticker.cancelled() for ticker in tickers]}")


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
