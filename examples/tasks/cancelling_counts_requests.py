"""cancelling() counts cancel requests; timeout() adds and removes one."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def worker():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        count = asyncio.current_task().cancelling()
        log(f"worker: one CancelledError; cancelling() is {count}")
        raise


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(1)
    task.cancel()
    task.cancel()  # a second request, say from another part of the program
    try:
        await task
    except asyncio.CancelledError:
        log(f"main: worker cancelled; cancelling() is {task.cancelling()}")

    me = asyncio.current_task()
    try:
        async with asyncio.timeout(1):
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                log(
                    f"main: timeout expired; cancelling() is {me.cancelling()}"
                )
                raise
    except TimeoutError:
        log(f"main: TimeoutError; cancelling() is {me.cancelling()}")


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
