"""A periodic job that stops when asked, between runs, never halfway."""

import asyncio
import math
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def backup(run):
    log(f"backup {run} starts")
    await asyncio.sleep(0.5)
    log(f"backup {run} is complete")


async def every(interval, job, stop):
    """Await job(run) every interval seconds until stop is set."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    run = slot = 0
    while not stop.is_set():
        run += 1
        await job(run)
        slot = max(slot + 1, math.ceil((loop.time() - start) / interval))
        try:
            # Wait for the stop signal, but only until the next slot.
            async with asyncio.timeout_at(start + slot * interval):
                await stop.wait()
        except TimeoutError:
            pass  # no signal: time for the next run
    log("every: stop was set; no more runs")


async def main():
    stop = asyncio.Event()
    ticker = asyncio.create_task(every(1, backup, stop))
    await asyncio.sleep(2.2)
    log("main: asks the ticker to stop")
    stop.set()
    await ticker  # returns once the current run is complete
    log("main: the ticker has finished")


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
