"""A Condition: pickers wait until the stock they need has been delivered."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
class Store:
    def __init__(self):
        self.stock = 0
        self.changed = asyncio.Condition()  # has its own lock


async def pick(store, name, wanted):
    async with store.changed:  # wait_for() needs the lock held
        log(f"{name}: wants {wanted}, stock is {store.stock}")
        # Sleeps until notified, then checks again, with the lock held.
        await store.changed.wait_for(lambda: store.stock >= wanted)
        store.stock -= wanted
        log(f"{name}: took {wanted}, stock is {store.stock}")


async def deliver(store, amounts):
    for amount in amounts:
        await asyncio.sleep(1)
        async with store.changed:
            store.stock += amount
            log(f"van: delivered {amount}, stock is {store.stock}")
            store.changed.notify_all()  # every picker checks again


async def main():
    store = Store()
    async with asyncio.TaskGroup() as group:
        group.create_task(pick(store, "big order", 5))
        group.create_task(pick(store, "small order", 2))
        group.create_task(deliver(store, [3, 1, 3]))
    log(f"done, stock is {store.stock}")


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
