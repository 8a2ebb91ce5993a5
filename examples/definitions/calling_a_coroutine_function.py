"""Calling a coroutine function runs nothing; awaiting the result does."""

import asyncio


async def greet(name):
    print(f"  greet({name!r}) starts")
    await asyncio.sleep(1)
    print(f"  greet({name!r}) finishes")
    return f"hello, {name}"


async def main():
    # --8<-- [start:call]
    coro = greet("Ada")
    print(f"greet('Ada') returned a {type(coro).__name__} object")
    print("nothing has been printed by greet() yet")
    result = await coro
    print(f"await gave back {result!r}")
    # --8<-- [end:call]


if __name__ == "__main__":
    asyncio.run(main())
