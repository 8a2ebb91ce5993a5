"""A timeout turns only its own cancellation into TimeoutError."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def query(name):
    me = asyncio.current_task()
    try:
        async with asyncio.timeout(1):
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                log(f"{name}: cancelled; cancelling() is {me.cancelling()}")
                await asyncio.sleep(1)  # clean-up that takes a while
                raise
    except TimeoutError:
        log(f"{name}: TimeoutError; cancelling() is {me.cancelling()}")


async def main():
    await query("alone")  # only the timeout cancels it

    task = asyncio.create_task(query("shutdown"))
    await asyncio.sleep(1.5)  # the timeout fired; clean-up is under way
    task.cancel()  # a second request, from outside
    try:
        await task
    except asyncio.CancelledError:
        log(f"main: CancelledError; cancelling() is {task.cancelling()}")


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
