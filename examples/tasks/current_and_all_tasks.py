"""current_task(), all_tasks() and names: what is running right now?"""

import asyncio


async def worker(seconds):
    await asyncio.sleep(seconds)


def report():
    me = asyncio.current_task()
    for task in sorted(asyncio.all_tasks(), key=lambda task: task.get_name()):
        # Frames come oldest first (for the running task, the event loop's
        # own frames come before it): the last is the task's coroutine.
        frame = task.get_stack()[-1]
        where = f"{frame.f_code.co_name}() line {frame.f_lineno}"
        mark = "  <- current_task()" if task is me else ""
        print(f"  {task.get_name():9} {where}{mark}")


async def main():
    asyncio.current_task().set_name("main")
    async with asyncio.TaskGroup() as group:
        group.create_task(worker(1), name="worker-1")
        group.create_task(worker(2), name="worker-2")
        await asyncio.sleep(0.5)
        print("after 0.5 s:")
        report()
        await asyncio.sleep(1)
        print("after 1.5 s:")
        report()


if __name__ == "__main__":
    asyncio.run(main())
