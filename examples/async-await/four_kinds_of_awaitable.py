"""Four kinds of awaitable: a coroutine, a task, a future, an __await__."""

import asyncio
import inspect


async def add(a, b):
    await asyncio.sleep(1)
    return a + b


class Later:
    """An awaitable of our own: gives back `value` after `seconds`."""

    def __init__(self, value, seconds):
        self.value = value
        self.seconds = seconds

    def __await__(self):
        # Delegate to a coroutine: await drives its iterator for us.
        return self._wait().__await__()

    async def _wait(self):
        await asyncio.sleep(self.seconds)
        return self.value


async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    loop.call_later(1, future.set_result, "a future's result")

    awaitables = {
        "coroutine": add(1, 2),
        "task": asyncio.create_task(add(3, 4)),
        "future": future,
        "Later": Later("a Later's value", 1),
    }
    for kind, thing in awaitables.items():
        awaitable = inspect.isawaitable(thing)
        print(f"{kind:9}  isawaitable={awaitable}  await gave {await thing!r}")


if __name__ == "__main__":
    asyncio.run(main())
