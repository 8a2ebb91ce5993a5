"""Turning a callback-based API into one you can await, with a future."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# A stand-in for a library that reports back through callbacks. It knows
# nothing about futures; it uses the loop's timers only to fake the delays.
SENSORS = {"kitchen": (1, 21.5), "garage": (1, None), "attic": (3, 18.0)}


def start_reading(name, on_reading, on_error):
    """Start a reading; later call on_reading(value) or on_error(error)."""
    delay, value = SENSORS[name]
    loop = asyncio.get_running_loop()
    if value is None:
        loop.call_later(delay, on_error, OSError(f"{name} is not answering"))
    else:
        loop.call_later(delay, on_reading, value)


# --8<-- [start:wrapper]
async def read_temperature(name):
    loop = asyncio.get_running_loop()
    future = loop.create_future()

    def on_reading(value):
        if future.done():  # the awaiting side gave up (was cancelled)
            log(f"{name}: late reading {value} dropped")
        else:
            future.set_result(value)

    def on_error(error):
        if not future.done():
            future.set_exception(error)

    start_reading(name, on_reading, on_error)
    return await future


# --8<-- [end:wrapper]


# --8<-- [start:main]
async def main():
    log(f"kitchen: {await read_temperature('kitchen')} degrees")
    try:
        await read_temperature("garage")
    except OSError as error:
        log(f"garage: {error}")
    try:
        async with asyncio.timeout(1):
            await read_temperature("attic")
    except TimeoutError:
        log("attic: no reading within 1 second")
    await asyncio.sleep(2)  # stay long enough to see the late reading


# --8<-- [end:main]

if __name__ == "__main__":
    asyncio.run(main())
