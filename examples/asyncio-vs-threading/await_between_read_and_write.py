"""An await between a read and a write loses updates; asyncio.Lock fixes it."""

import asyncio
import contextlib
import time


async def add_one(totals, guard):
    async with guard:
        value = totals["count"]  # 1. read
        await asyncio.sleep(0.1)  # a lookup: the loop runs other tasks here
        totals["count"] = value + 1  # 2. write what was read, plus one


async def four_updates(label, guard):
    totals = {"count": 0}
    start = time.perf_counter()
    await asyncio.gather(*(add_one(totals, guard) for _ in range(4)))
    took = time.perf_counter() - start
    print(f"{label}: count = {totals['count']}, took {took:.1f}s")


async def main():
    await four_updates("no lock", contextlib.nullcontext())
    await four_updates("asyncio.Lock", asyncio.Lock())


if __name__ == "__main__":
    asyncio.run(main())
