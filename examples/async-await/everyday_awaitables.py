"""The awaitables of everyday asyncio: a coroutine, a task and a future."""

import asyncio
import inspect
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def add(a, b, delay):
    await asyncio.sleep(delay)
    log(f"add({a}, {b}) returns {a + b}")
    return a + b


async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    loop.call_later(3, future.set_result, "a future's result")

    awaitables = {
        "coroutine": add(1, 2, delay=2),  # runs only when awaited: 0s to 2s
        "task": asyncio.create_task(add(3, 4, delay=1)),  # 0s to 1s
        "future": future,  # a timer fills it in at 3s
    }
    for kind, thing in awaitables.items():
        log(f"{kind:9}  isawaitable={inspect.isawaitable(thing)}")
        log(f"{kind:9}  await gave {await thing!r}")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:after-log]
