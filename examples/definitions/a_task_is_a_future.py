"""A task is a future whose result is what its coroutine returns."""

import asyncio


async def add(a, b):
    await asyncio.sleep(1)
    return a + b


async def main():
    task = asyncio.create_task(add(2, 3), name="adder")
    task.add_done_callback(lambda t: print(f"callback: {t.get_name()} done"))
    print(f"is the task a Future? {isinstance(task, asyncio.Future)}")
    print(f"done() is {task.done()}")
    result = await task
    print(f"done() is {task.done()}, result() is {task.result()}")
    print(f"await gave {result}")


if __name__ == "__main__":
    asyncio.run(main())
