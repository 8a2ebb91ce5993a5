# /// script
# [tool.fieldguide]
# record-stderr = true  # its point is what asyncio logs on stderr
# ///
"""A task started and forgotten: its failure surfaces only as a log line."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


async def send_receipt(order):
    await asyncio.sleep(0.5)
    raise ConnectionError(f"mail server refused receipt {order}")


async def place_order(order):
    asyncio.create_task(send_receipt(order))  # noqa: RUF006 (the bug)
    log(f"order {order} placed")


async def main():
    await place_order(17)
    await asyncio.sleep(1)
    log("main(): done, unaware that the receipt failed")


if __name__ == "__main__":
    asyncio.run(main())
