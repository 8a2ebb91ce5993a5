# /// script
# requires-python = ">=3.13"
# ///
"""Python 3.13: a cancellation caught without uncancel() comes back later."""

import asyncio


async def fail_soon():
    await asyncio.sleep(1)
    raise ValueError("bad input")


async def job(take_back):
    me = asyncio.current_task()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("job: cancelled, and decides to carry on")
        if take_back:
            me.uncancel()  # remove the request it has dealt with
    print(f"job: cancelling() is {me.cancelling()}")
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(fail_soon())
    except* ValueError:
        print("job: the TaskGroup's ValueError is handled")
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("job: cancelled again, at the final sleep")
        raise
    return "job: finished"


async def main():
    for take_back in (False, True):
        print(f"--- with uncancel(): {take_back}")
        task = asyncio.create_task(job(take_back))
        await asyncio.sleep(1)
        task.cancel()
        try:
            print(await task)
        except asyncio.CancelledError:
            print("main: the job was cancelled after all")


if __name__ == "__main__":
    asyncio.run(main())
