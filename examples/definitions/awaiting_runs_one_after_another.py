"""Awaiting coroutines one by one: each waits for the one before it."""

import asyncio


async def brew(drink, minutes, loop, start):
    print(f"{loop.time() - start:3.1f}  start {drink}")
    await asyncio.sleep(minutes)
    print(f"{loop.time() - start:3.1f}  {drink} is ready")
    return drink


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    # --8<-- [start:sequence]
    tea = await brew("tea", 3, loop, start)
    coffee = await brew("coffee", 2, loop, start)
    # --8<-- [end:sequence]
    print(f"{loop.time() - start:3.1f}  served {tea} and {coffee}")


if __name__ == "__main__":
    asyncio.run(main())
