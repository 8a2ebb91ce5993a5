"""Background tasks in a TaskGroup, each reporting its own failure."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


async def send_receipt(order):
    await asyncio.sleep(0.5)
    raise ConnectionError(f"mail server refused receipt {order}")


async def reported(job):
    """Await a background job and log its failure: no one else will."""
    try:
        await job
    except Exception as error:
        log(f"background job failed: {error!r}")


async def place_order(order, background):
    background.create_task(reported(send_receipt(order)))  # the group keeps it
    log(f"order {order} placed")


async def main():
    async with asyncio.TaskGroup() as background:
        await place_order(17, background)
        await asyncio.sleep(1)
        log("main(): done; the group waits for any job still running")


if __name__ == "__main__":
    asyncio.run(main())
