# /// script
# [tool.fieldguide]
# record-stderr = true  # its point is the warning Python prints on stderr
# ///
"""A coroutine that is never awaited never runs, and Python warns about it."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


async def save(record):
    log(f"saving {record!r}")
    await asyncio.sleep(0.1)


async def main():
    save("first")  # bug: no await, and nothing keeps the coroutine object
    log("main(): called save('first')")

    pending = save("second")  # the same bug, but a variable keeps it alive
    log("main(): called save('second')")
    await asyncio.sleep(1)
    log("main(): drops its last reference to the second coroutine")
    del pending
    await save("third")  # the fix: awaiting the coroutine runs its body
    log("main(): returns; only the third record was saved")


if __name__ == "__main__":
    asyncio.run(main())
