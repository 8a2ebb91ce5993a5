"""cancelling() counts cancel requests; several requests, one error."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def worker():
    me = asyncio.current_task()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log(f"worker: one CancelledError; cancelling() is {me.cancelling()}")
        raise


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(1)
    task.cancel()
    task.cancel()  # a second request, say from another part of the program
    log(f"main: two requests made; cancelling() is {task.cancelling()}")
    try:
        await task
    except asyncio.CancelledError:
        log(f"main: worker cancelled; cancelling() is {task.cancelling()}")


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
