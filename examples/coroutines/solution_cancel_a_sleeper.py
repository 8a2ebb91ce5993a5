"""Exercise solution: cancelling a task that sleeps in my_sleep()."""

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
        return await future
    finally:
        log(f"my_sleep(): future.cancelled() is {future.cancelled()}")
        log("my_sleep(): the finally clause cancels the timer")
        timer.cancel()


def wake_up(future, result):
    if not future.done():
        future.set_result(result)


async def careless_sleep(delay, result=None):
    """my_sleep() without the finally clause and without the check."""
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    loop.call_later(delay, careless_wake_up, future, result)
    return await future


def careless_wake_up(future, result):
    log("careless timer fires and calls set_result()")
    future.set_result(result)


def report_callback_error(loop, context):
    """Print one line instead of the default handler's traceback."""
    error = context["exception"]
    log(f"the loop caught {type(error).__name__}: {error}")


async def main():
    asyncio.get_running_loop().set_exception_handler(report_callback_error)
    for sleep in (my_sleep, careless_sleep):
        task = asyncio.create_task(sleep(5))
        await asyncio.sleep(0.5)
        log(f"main() cancels the task running {sleep.__name__}(5)")
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            log("main(): awaiting the task raised CancelledError")
    await my_sleep(5)  # stay past the five-second marks, uncancelled
    log("main() finishes")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:after-log]
