# /// script
# [tool.fieldguide]
# blocks-the-loop = true  # one download blocks the thread on purpose
# ///
"""Exercise solution: the cost of a blocking call depends on when it runs."""

import asyncio
import time


def wait_for_server(seconds):
    time.sleep(seconds)  # an ordinary blocking call


async def blocking(page, seconds):
    wait_for_server(seconds)  # no await: the whole thread waits
    return page, time.perf_counter()


async def cooperative(page, seconds):
    await asyncio.sleep(seconds)
    return page, time.perf_counter()


async def race(*downloads):
    start = time.perf_counter()
    for page, finished in await asyncio.gather(*downloads):
        print(f"  {page} finished after {finished - start:.1f}s")


async def main():
    print("home (blocking) first:")
    await race(
        blocking("home", 2), cooperative("news", 1), cooperative("shop", 3)
    )
    print("home (blocking) last:")
    await race(
        cooperative("news", 1), cooperative("shop", 3), blocking("home", 2)
    )


if __name__ == "__main__":
    asyncio.run(main())
