"""Cancelling a task that awaits a future cancels the future as well."""

import asyncio


async def wait_for(name, shared, protect):
    try:
        if protect:
            value = await asyncio.shield(shared)
        else:
            value = await shared
        print(f"  {name} got {value!r}")
    except asyncio.CancelledError:
        print(f"  {name} was cancelled")
        raise


async def one_round(protect):
    loop = asyncio.get_running_loop()
    shared = loop.create_future()
    first = asyncio.create_task(wait_for("first", shared, protect))
    second = asyncio.create_task(wait_for("second", shared, protect))
    await asyncio.sleep(0)  # both tasks are now waiting on the future

    first.cancel()
    await asyncio.sleep(0)
    print(
        f"  after first.cancel(): shared.cancelled() is {shared.cancelled()}"
    )
    if not shared.done():
        shared.set_result("data")
    await asyncio.wait([first, second])


async def main():
    print("awaiting the future directly:")
    await one_round(protect=False)
    print("awaiting it through asyncio.shield():")
    await one_round(protect=True)


if __name__ == "__main__":
    asyncio.run(main())
