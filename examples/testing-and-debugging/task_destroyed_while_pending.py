# /// script
# [tool.fieldguide]
# record-stderr = true  # its point is the message asyncio logs
# ///
"""A loop closed under a running task: the task is destroyed, still pending."""

import asyncio
import gc


async def refresh_cache():
    try:
        while True:  # noqa: ASYNC110 (refreshes every minute, for ever)
            await asyncio.sleep(60)
    finally:
        # Runs when the garbage collector frees the task: outside any loop.
        try:
            asyncio.get_running_loop()
        except RuntimeError as error:
            print(f"refresh_cache(): finally runs, but {error}")


async def fetch_price():
    asyncio.create_task(refresh_cache(), name="refresh")  # noqa: RUF006
    await asyncio.sleep(0.1)
    return 42


def fetch_price_sync():
    # A synchronous wrapper that drives its own loop, badly: closing the loop
    # leaves the refresh task pending, and nothing will ever run it again.
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(fetch_price())
    finally:
        loop.close()


if __name__ == "__main__":
    print(f"price: {fetch_price_sync()}")
    gc.collect()  # the abandoned task is freed here (or at some later time)
    print("done")
