"""Exercise solution: three tasks finish in order of their sleeps."""

import asyncio


async def timer(name, seconds, loop, start):
    await asyncio.sleep(seconds)
    print(f"{loop.time() - start:3.1f}  {name} ({seconds} s) finished")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    tasks = [
        asyncio.create_task(timer(name, seconds, loop, start))
        for name, seconds in [("first", 3), ("second", 1), ("third", 2)]
    ]
    for task in tasks:
        await task
    print(f"{loop.time() - start:3.1f}  all three done")


if __name__ == "__main__":
    asyncio.run(main())
