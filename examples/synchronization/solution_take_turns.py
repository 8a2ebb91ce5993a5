"""Solution: three tasks take turns, in a fixed order, with one Condition."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
class Turns:
    def __init__(self, names):
        self.names = names
        self.next = 0  # index in names of whose turn it is
        self.changed = asyncio.Condition()


async def player(turns, name, rounds):
    for round_number in range(1, rounds + 1):
        async with turns.changed:
            await turns.changed.wait_for(
                lambda: turns.names[turns.next] == name
            )
            log(f"{name}: plays round {round_number}")
            turns.next = (turns.next + 1) % len(turns.names)
            turns.changed.notify_all()  # let the next player check
        await asyncio.sleep(0.5)  # thinking time, outside the lock


async def main():
    turns = Turns(["ann", "bo", "cy"])
    async with asyncio.TaskGroup() as group:
        for name in ["cy", "bo", "ann"]:  # started in the wrong order
            group.create_task(player(turns, name, rounds=2))


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
