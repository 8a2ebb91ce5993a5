"""A task is a future whose result is what its coroutine returns."""

import asyncio


async def add(a, b):
    await asyncio.sleep(1)
    return a + b


async def main():
    task = asyncio.create_task(add(2, 3))
    task.add_done_callback(lambda t: print("done callback: the task finished"))
    print(f"is the task a Future? {isinstance(task, asyncio.Future)}")
    print(f"done() is {task.done()}")
    try:
        task.set_result(99)
    except RuntimeError as error:
        print(f"set_result() is refused: {error}")
    result = await task
    print(f"await gave {result}; done() is {task.done()}")


if __name__ == "__main__":
    asyncio.run(main())
