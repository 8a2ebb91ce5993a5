"""Exercise solution: a task's copy of the context is a shallow copy."""

import asyncio
import contextvars

trail = contextvars.ContextVar("trail")


async def visit_in_place(place):
    trail.get().append(place)  # changes the one list both contexts hold


async def visit(place):
    trail.set([*trail.get(), place])  # a new list, in this task only
    print(f"inside visit():         {trail.get()}")


async def main():
    trail.set(["home"])
    await asyncio.create_task(visit_in_place("shop"))
    print(f"after visit_in_place(): {trail.get()}")
    await asyncio.create_task(visit("park"))
    print(f"after visit():          {trail.get()}")


if __name__ == "__main__":
    asyncio.run(main())
