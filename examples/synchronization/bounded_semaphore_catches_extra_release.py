"""One release() too many: Semaphore grows, BoundedSemaphore refuses."""

import asyncio


async def count_free(semaphore):
    """How many acquire() calls would succeed at once right now."""
    taken = 0
    while not semaphore.locked():
        await semaphore.acquire()
        taken += 1
    for _ in range(taken):
        semaphore.release()
    return taken


async def main():
    for kind in (asyncio.Semaphore, asyncio.BoundedSemaphore):
        limit = kind(2)
        await limit.acquire()
        limit.release()
        try:
            limit.release()  # the bug: released without acquiring
        except ValueError as error:
            print(f"{kind.__name__}: ValueError: {error}")
        print(f"{kind.__name__}: {await count_free(limit)} may now enter")


if __name__ == "__main__":
    asyncio.run(main())
