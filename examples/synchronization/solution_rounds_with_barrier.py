"""Solution: nobody starts a round until everyone has finished the last."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def player(name, move_times, barrier, scores):
    for round_number, seconds in enumerate(move_times, 1):
        await asyncio.sleep(seconds)  # this player's move
        scores[round_number].append(name)
        if await barrier.wait() == 0:  # one task reports each round
            log(f"round {round_number} over, order: {scores[round_number]}")


async def main():
    barrier = asyncio.Barrier(3)
    scores = {1: [], 2: []}
    async with asyncio.TaskGroup() as group:
        group.create_task(player("ann", [1, 3], barrier, scores))
        group.create_task(player("bo", [2, 1], barrier, scores))
        group.create_task(player("cy", [3, 2], barrier, scores))


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
