"""A task that releases and at once asks again goes behind those waiting."""

import asyncio


# --8<-- [start:main]
async def use(resource, name, order):
    for _ in range(2):
        async with resource:
            order.append(name)
            await asyncio.sleep(1)
        # No await here: the task asks again the moment it has released.


async def main():
    for resource in (asyncio.Lock(), asyncio.Semaphore(2)):
        order = []
        async with asyncio.TaskGroup() as group:
            for name in "abc":
                group.create_task(use(resource, name, order))
        print(f"{type(resource).__name__}: turns taken {' '.join(order)}")


# --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
