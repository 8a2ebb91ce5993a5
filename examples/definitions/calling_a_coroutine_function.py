"""Calling a coroutine function runs nothing; awaiting the result does."""

import asyncio

started = 0.0  # the event loop's clock when main() began


def log(message):
    """Print a message after the seconds since main() began."""
    elapsed = asyncio.get_running_loop().time() - started
    print(f"{elapsed:3.1f}s  {message}")


# --8<-- [start:after-log]
async def greet(name):
    log(f"greet({name!r}) starts")
    await asyncio.sleep(1)
    log(f"greet({name!r}) finishes")
    return f"hello, {name}"


async def main():
    global started
    started = asyncio.get_running_loop().time()
    coro = greet("Ada")
    log(f"greet('Ada') returned a {type(coro).__name__} object")
    log("greet() has not printed anything yet")
    result = await coro
    log(f"await gave back {result!r}")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:after-log]
