"""A primitive made outside a loop binds to the first loop that waits on it."""

import asyncio

ready = asyncio.Event()  # no loop is running yet: that is fine


async def wait_a_moment():
    try:
        async with asyncio.timeout(0.1):
            await ready.wait()
    except TimeoutError:
        print("waited and timed out: the event now belongs to this loop")


if __name__ == "__main__":
    asyncio.run(wait_a_moment())
    try:
        asyncio.run(wait_a_moment())  # a second, new event loop
    except RuntimeError as error:
        print(f"RuntimeError: {error}")
