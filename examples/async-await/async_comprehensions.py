"""Asynchronous comprehensions: async for and await inside comprehensions."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def readings(count):
    for taken in range(1, count + 1):
        await asyncio.sleep(1)
        yield taken * 10


async def lookup(user_id):
    await asyncio.sleep(1)  # a slow database query
    return f"user{user_id}"


def over_twenty(source):
    # A plain function may build an async generator expression;
    # only the code that iterates over it must be asynchronous.
    return (value async for value in source if value > 20)


async def main():
    values = [value async for value in readings(3)]
    log(f"list: {values}")
    names = {n: await lookup(n) for n in (1, 2)}
    log(f"dict with await: {names}")
    big = [value async for value in over_twenty(readings(4))]
    log(f"from an async generator expression: {big}")
    gathered = await asyncio.gather(lookup(1), lookup(2))
    log(f"gather: {gathered}")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:after-log]
