"""A coroutine object's four states, and why it can run only once."""

import asyncio
import inspect


async def add(a, b):
    itself = asyncio.current_task().get_coro()  # the task runs this call
    print(f"    add({a}, {b}) starts, and sees itself {state(itself)}")
    await asyncio.sleep(1)
    print(f"    add({a}, {b}) returns {a + b}")
    return a + b


def state(coro):
    return inspect.getcoroutinestate(coro)


async def main():
    print(f"add is a coroutine function: {inspect.iscoroutinefunction(add)}")
    coro = add(1, 2)
    print(f"add(1, 2) returned a {type(coro).__name__}: {state(coro)}")
    other = add(3, 4)
    print(f"another call makes another object: {other is not coro}")
    other.close()  # it will never be awaited; closing it avoids a warning

    task = asyncio.create_task(coro)
    await asyncio.sleep(0.5)  # let the task start and reach its sleep
    print(f"half a second later: {state(coro)}")
    print(f"the task returned {await task}: {state(coro)}")

    try:
        await coro
    except RuntimeError as error:
        print(f"awaiting it again: RuntimeError: {error}")


if __name__ == "__main__":
    asyncio.run(main())
