"""The same items through Queue, LifoQueue and PriorityQueue."""

import asyncio


# --8<-- [start:main]
async def main():
    jobs = [(2, "wash"), (1, "fire alarm"), (3, "tidy"), (1, "flood")]
    for kind in (asyncio.Queue, asyncio.LifoQueue, asyncio.PriorityQueue):
        queue = kind()
        for job in jobs:
            queue.put_nowait(job)  # never waits: the queue has no maxsize
        order = [queue.get_nowait()[1] for _ in range(queue.qsize())]
        print(f"{kind.__name__:>13}: {', '.join(order)}")


# --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
