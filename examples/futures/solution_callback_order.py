"""Exercise solution: callbacks and an awaiting task run in the order added."""

import asyncio


async def waiter(future):
    value = await future
    print(f"waiter: resumed with {value!r}")


async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    future.add_done_callback(lambda f: print("callback A"))
    task = asyncio.create_task(waiter(future))
    await asyncio.sleep(0)  # the task starts and awaits the future
    future.add_done_callback(lambda f: print("callback B"))

    future.set_result("go")
    print("main: set_result() returned")
    await task
    print("main: the task is done")


if __name__ == "__main__":
    asyncio.run(main())
