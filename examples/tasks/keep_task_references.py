"""Keep background tasks in a set; a done callback drops them and reports."""

import asyncio
import gc

background_tasks = set()


def task_done(task):
    background_tasks.discard(task)  # the set lets go of the finished task
    if not task.cancelled() and task.exception() is not None:
        print(f"{task.get_name()} failed: {task.exception()!r}")


def start_in_background(coro, name):
    task = asyncio.create_task(coro, name=name)
    background_tasks.add(task)  # a strong reference keeps the task alive
    task.add_done_callback(task_done)


async def wait_for_reply():
    reply = asyncio.get_running_loop().create_future()  # no one else has it
    print("listener: waiting for a reply")
    return await reply


async def upload(seconds, fail=False):
    await asyncio.sleep(seconds)
    if fail:
        raise ConnectionError("server went away")
    print(f"upload: finished after {seconds} s")


async def main():
    start_in_background(wait_for_reply(), "listener")
    start_in_background(upload(1), "upload-1")
    start_in_background(upload(2, fail=True), "upload-2")
    await asyncio.sleep(0.5)
    print(f"main: {len(asyncio.all_tasks())} tasks before collection")
    gc.collect()
    print(f"main: {len(asyncio.all_tasks())} tasks after collection")
    await asyncio.sleep(2)
    left = sorted(task.get_name() for task in background_tasks)
    print(f"main: still in the set: {left}")
    for task in background_tasks:  # shutting down: stop what is left
        task.cancel()
    await asyncio.gather(*background_tasks, return_exceptions=True)
    print(f"main: shut down, {len(background_tasks)} tasks in the set")


if __name__ == "__main__":
    asyncio.run(main())
