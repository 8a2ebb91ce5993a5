"""Exercise solution: an awaitable class that gives the event loop a turn."""

import asyncio


class YieldNow:
    """Await YieldNow() to let every other ready task run once."""

    def __await__(self):
        yield  # a bare yield: asyncio's task steps us again on its next trip


async def worker(name):
    for item in range(1, 4):
        print(f"    {name} handles item {item}")
        await YieldNow()


async def main():
    first = asyncio.create_task(worker("A"))
    second = asyncio.create_task(worker("B"))
    await first
    await second


if __name__ == "__main__":
    asyncio.run(main())
