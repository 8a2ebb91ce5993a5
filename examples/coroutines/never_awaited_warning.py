# /// script
# [tool.fieldguide]
# record-stderr = true  # its point is the warning Python prints on stderr
# ///
"""A coroutine that is never awaited never runs, and Python warns about it."""

import asyncio


async def save(record):
    print(f"saving {record!r}")
    await asyncio.sleep(0.1)


async def main():
    save("first")  # bug: no await, and nothing keeps the coroutine object
    print("main(): called save('first')")

    pending = save("second")  # the same bug, but a variable keeps it alive
    print("main(): called save('second')")
    await asyncio.sleep(1)
    print("main(): drops its last reference to the second coroutine")
    del pending
    print("main(): returns; nothing was saved")


if __name__ == "__main__":
    asyncio.run(main())
