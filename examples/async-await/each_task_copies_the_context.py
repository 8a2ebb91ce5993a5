"""Each task runs in a copy of the context taken when the task is created."""

import asyncio
import contextvars

user = contextvars.ContextVar("user", default="nobody")


async def child(name):
    print(f"{name}: sees user={user.get()!r}")
    user.set(name)  # changes this task's copy only
    await asyncio.sleep(1)
    print(f"{name}: still sees user={user.get()!r}")


async def helper():
    user.set("helper")  # no task of its own: changes the caller's context


async def main():
    user.set("ada")
    task = asyncio.create_task(child("task 1"))  # copies the context now
    user.set("grace")  # too late for task 1; its copy already exists
    await task
    print(f"main: after task 1, user={user.get()!r}")

    await asyncio.create_task(child("task 2"))
    print(f"main: after task 2, user={user.get()!r}")

    await helper()  # a plain await runs helper() in main's own task
    print(f"main: after awaiting helper(), user={user.get()!r}")


if __name__ == "__main__":
    asyncio.run(main())
