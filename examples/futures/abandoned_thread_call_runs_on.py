# /// script
# [tool.fieldguide]
# virtual-time = false  # the worker thread really sleeps
# ///
"""A timeout stops the wait for a thread, not the thread's work."""

import asyncio
import time


def slow_export():
    time.sleep(0.3)  # blocking work that nothing can interrupt
    print("worker: finished its work anyway; now it raises OSError")
    raise OSError("disk full")


async def main():
    try:
        async with asyncio.timeout(0.05):
            await asyncio.to_thread(slow_export)
    except TimeoutError:
        print("main(): stopped waiting after 0.05 seconds")
    print("main(): returns")


if __name__ == "__main__":
    asyncio.run(main())
    print("asyncio.run() has returned")
