"""A full queue makes a fast producer wait for a slow consumer."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def produce(queue, count):
    for number in range(1, count + 1):
        await asyncio.sleep(0.2)  # making an item is quick
        await queue.put(number)  # waits while the queue is full
        log(f"producer: put {number} (queue holds {queue.qsize()})")
    await queue.put(None)  # no more items


async def consume(queue):
    while (number := await queue.get()) is not None:
        await asyncio.sleep(1)  # handling one is slow
        log(f"consumer: done with {number}")


async def main():
    queue = asyncio.Queue(maxsize=2)
    async with asyncio.TaskGroup() as group:
        group.create_task(produce(queue, 6), name="producer")
        group.create_task(consume(queue), name="consumer")


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
