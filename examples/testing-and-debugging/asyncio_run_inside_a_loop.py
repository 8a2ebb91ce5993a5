# /// script
# [tool.fieldguide]
# blocks-the-loop = true  # the thread wrapper blocks the loop while it waits
# ///
"""asyncio.run() refuses to start inside a running loop; what to do instead."""

import asyncio
import concurrent.futures


async def fetch_rate(currency):
    await asyncio.sleep(0.5)
    return {"EUR": 1.08, "GBP": 1.27}[currency]


def fetch_rate_sync_naive(currency):
    # A library's synchronous wrapper, the naive way.
    coro = fetch_rate(currency)
    try:
        return asyncio.run(coro)
    finally:
        coro.close()  # if run() refused it, it never started: no warning


def fetch_rate_sync(currency):
    # A safer wrapper: run the coroutine in a worker thread, with a loop of
    # its own, so it works whether or not the caller's thread has a loop.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, fetch_rate(currency)).result()


async def main():
    try:
        fetch_rate_sync_naive("EUR")
    except RuntimeError as error:
        print(f"naive wrapper: RuntimeError: {error}")
    print(f"thread wrapper: {fetch_rate_sync('EUR')}")  # blocks the loop
    print(f"just await it:  {await fetch_rate('GBP')}")  # the best, in here


if __name__ == "__main__":
    print(f"thread wrapper, no loop running: {fetch_rate_sync('GBP')}")
    asyncio.run(main())
