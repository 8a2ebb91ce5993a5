"""Awaiting a coroutine that never suspends gives other tasks no turn."""

import asyncio


async def no_real_pause():
    return None  # awaits nothing, so it finishes without suspending


async def real_pause():
    await asyncio.sleep(0)  # suspends the task for one trip round the loop


async def worker(name, pause):
    for item in range(1, 4):
        print(f"    {name} handles item {item}")
        await pause()


async def main():
    for pause in (no_real_pause, real_pause):
        print(f"between items, each worker awaits {pause.__name__}():")
        first = asyncio.create_task(worker("A", pause))
        second = asyncio.create_task(worker("B", pause))
        await first
        await second


if __name__ == "__main__":
    asyncio.run(main())
