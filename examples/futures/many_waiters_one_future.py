"""Many coroutines can await one future; all get the same result."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def handle(request, settings):
    log(f"{request}: waits for the settings")
    value = await settings
    log(f"{request}: resumes with {value}")
    return value


async def main():
    loop = asyncio.get_running_loop()
    settings = loop.create_future()
    waiters = [
        asyncio.create_task(handle(name, settings))
        for name in ("request 1", "request 2", "request 3")
    ]
    loop.call_later(1, settings.set_result, {"theme": "dark"})
    await asyncio.sleep(2)

    late = await handle("request 4", settings)  # already done: no waiting
    values = [await waiter for waiter in waiters] + [late]
    same = all(value is settings.result() for value in values)
    log(f"all four got the very same dictionary object: {same}")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:after-log]
