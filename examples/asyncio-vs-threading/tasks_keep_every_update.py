"""Tasks keep every update: none can run between a read and a write."""

import asyncio
import itertools

TIMES = 250
counter = 0
turns = []  # which task ran each step, to count the switches


async def add_one_many_times(name):
    global counter
    for _ in range(TIMES):
        value = counter  # 1. read
        counter = value + 1  # 2. write: no await in between
        turns.append(name)
        await asyncio.sleep(0)  # hand the loop to the other tasks


async def main():
    async with asyncio.TaskGroup() as group:
        for name in "ABCD":
            group.create_task(add_one_many_times(name))
    # 1,000 turns: 999 switches means a switch after every addition
    pairs = itertools.pairwise(turns)
    switches = sum(1 for before, after in pairs if before != after)
    print(f"4 tasks each added 1, {TIMES:,} times")
    print(f"the loop switched between them {switches:,} times")
    print(f"counter = {counter:,}: {4 * TIMES - counter} updates lost")


if __name__ == "__main__":
    asyncio.run(main())
