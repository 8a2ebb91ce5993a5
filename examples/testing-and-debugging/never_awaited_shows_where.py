# /// script
# [tool.fieldguide]
# record-stderr = true  # its point is the warning Python prints on stderr
# ///
"""In debug mode, the never-awaited warning says where the coroutine began."""

import asyncio
import sys


async def save(record):
    await asyncio.sleep(0.1)
    print(f"saved {record!r}")


def audit(record):
    save(record)  # bug: the coroutine object is made, then dropped


async def handle(record):
    audit(record)
    await save(record)  # this one is awaited, so it runs


async def main():
    # Debug mode keeps the last 10 frames of each coroutine's creation; the
    # oldest are asyncio's own. Keep only the three that are this program's.
    sys.set_coroutine_origin_tracking_depth(3)
    await handle("order 17")


if __name__ == "__main__":
    asyncio.run(main(), debug=True)
