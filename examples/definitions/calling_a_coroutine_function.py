"""Calling a coroutine function runs nothing; awaiting the result does."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def greet(name):
    log(f"greet({name!r}) starts")
    await asyncio.sleep(1)
    log(f"greet({name!r}) finishes")
    return f"hello, {name}"


async def main():
    coro = greet("Ada")
    log(f"greet('Ada') returned a {type(coro).__name__} object")
    log("greet() has not printed anything yet")
    result = await coro
    log(f"await gave back {result!r}")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:after-log]
