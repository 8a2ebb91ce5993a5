"""Which awaits let another task run, and which do not."""

import asyncio

turns = 0  # how many times the other task has run


async def other_task():
    global turns
    while True:
        turns += 1
        await asyncio.sleep(0)


async def returns_at_once():
    return "result"


async def measure(label, awaitable):
    before = turns
    await awaitable
    print(f"await {label:<31} turns for the other task: {turns - before}")


async def main():
    loop = asyncio.get_running_loop()
    other = asyncio.create_task(other_task())
    await asyncio.sleep(0)  # let it start

    done_future = loop.create_future()
    done_future.set_result("result")
    done_task = asyncio.create_task(returns_at_once())
    await done_task

    await measure("a coroutine", returns_at_once())
    await measure("a future that is already done", done_future)
    await measure("a task that is already done", done_task)
    pending_future = loop.create_future()
    loop.call_soon(pending_future.set_result, "result")
    await measure("a pending future", pending_future)
    await measure("a new task", asyncio.create_task(returns_at_once()))
    await measure("asyncio.sleep(0)", asyncio.sleep(0))

    other.cancel()


if __name__ == "__main__":
    asyncio.run(main())
