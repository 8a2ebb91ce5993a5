"""Cancelling a task that awaits a future cancels the future as well."""

import asyncio
import contextlib


async def wait_for(name, awaitable):
    try:
        print(f"  {name} got {await awaitable!r}")
    except asyncio.CancelledError:
        print(f"  {name} was cancelled")
        raise


async def cancel_first(shared, first, second):
    await asyncio.sleep(0)  # both tasks start and pause at their await
    first.cancel()
    await asyncio.sleep(0)  # let the cancellation reach the tasks
    print(f"  shared.cancelled() is {shared.cancelled()}")
    if not shared.done():
        shared.set_result("data")
    for task in (first, second):
        # Awaiting a cancelled task raises CancelledError: expected here.
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def main():
    loop = asyncio.get_running_loop()

    print("both tasks await the shared future:")
    shared = loop.create_future()
    first = asyncio.create_task(wait_for("first", shared))
    second = asyncio.create_task(wait_for("second", shared))
    await cancel_first(shared, first, second)

    print("each task awaits its own asyncio.shield(shared):")
    shared = loop.create_future()
    first = asyncio.create_task(wait_for("first", asyncio.shield(shared)))
    second = asyncio.create_task(wait_for("second", asyncio.shield(shared)))
    await cancel_first(shared, first, second)


if __name__ == "__main__":
    asyncio.run(main())
