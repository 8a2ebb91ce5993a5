"""await asyncio.sleep() makes only the calling task wait."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


async def heartbeat():
    for _ in range(7):
        await asyncio.sleep(0.2)  # due every 0.2 s
        log("heartbeat")


async def handle_request():
    log("request: waiting 1 s for the database")
    await asyncio.sleep(1)  # the fix: only this task waits
    log("request: done")


async def main():
    loop = asyncio.get_running_loop()
    beats = loop.create_task(heartbeat(), name="heartbeat")
    await asyncio.sleep(0.3)
    await loop.create_task(handle_request(), name="request")
    await beats


if __name__ == "__main__":
    asyncio.run(main())
