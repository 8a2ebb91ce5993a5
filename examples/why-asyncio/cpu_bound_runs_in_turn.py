# /// script
# [tool.fieldguide]
# blocks-the-loop = true  # each coroutine computes without an await
# ///
"""CPU-bound coroutines gain nothing: each runs to its end before the next."""

import asyncio


def add_squares(count):
    """Add up the squares of 0, 1, 2, ...: pure computation, no waiting."""
    total = 0
    for number in range(count):
        total += number * number
    return total


async def crunch(name, count):
    print(f"{name} starts adding up {count:,} squares")
    add_squares(count)  # no await in here: nothing else can run
    print(f"{name} is done")


async def main():
    await asyncio.gather(
        crunch("A", 300_000), crunch("B", 200_000), crunch("C", 100_000)
    )


if __name__ == "__main__":
    asyncio.run(main())
