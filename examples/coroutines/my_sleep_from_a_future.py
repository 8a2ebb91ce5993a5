"""A sleep of our own: a future, a timer that completes it, and an await."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def my_sleep(delay, result=None):
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    timer = loop.call_later(delay, wake_up, future, result)
    try:
        return await future  # the task pauses here until the timer fires
    finally:
        timer.cancel()  # if we were cancelled, the timer must not fire


def wake_up(future, result):
    if not future.done():  # it may have been cancelled in the meantime
        future.set_result(result)


async def walker(name, stride, steps):
    for step in range(1, steps + 1):
        await my_sleep(stride)
        log(f"{name} takes step {step}")
    arrival = await my_sleep(0.1, f"{name} arrived")
    log(f"{name}: my_sleep(0.1, ...) returned {arrival!r}")
    return arrival


async def main():
    ann = asyncio.create_task(walker("Ann", 0.8, 3))
    bob = asyncio.create_task(walker("Bob", 1.0, 2))
    log(f"main() got {await ann!r} and {await bob!r}")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:after-log]
