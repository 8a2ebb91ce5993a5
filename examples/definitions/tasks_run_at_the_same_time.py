"""In tasks, coroutines run at the same time: the loop interleaves them."""

import asyncio


async def brew(drink, minutes, loop, start):
    print(f"{loop.time() - start:3.1f}  start {drink}")
    await asyncio.sleep(minutes)
    print(f"{loop.time() - start:3.1f}  {drink} is ready")
    return drink


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    # --8<-- [start:tasks]
    tea_task = asyncio.create_task(brew("tea", 3, loop, start))
    coffee_task = asyncio.create_task(brew("coffee", 2, loop, start))
    print(f"{loop.time() - start:3.1f}  main() created two tasks")
    tea = await tea_task
    coffee = await coffee_task
    # --8<-- [end:tasks]
    print(f"{loop.time() - start:3.1f}  served {tea} and {coffee}")


if __name__ == "__main__":
    asyncio.run(main())
