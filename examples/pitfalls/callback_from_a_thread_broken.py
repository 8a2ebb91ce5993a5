# /// script
# [tool.fieldguide]
# virtual-time = false  # the library's thread really sleeps
# record-stderr = true  # run as a reader runs it: debug mode off
# ///
"""A library's thread calls an asyncio queue's method: the loop sleeps on."""

import asyncio
import threading
import time

START = time.perf_counter()


def log(message):
    print(f"{time.perf_counter() - START:.0f}s  {message}")


class PriceFeed:
    """Stands for a library that calls you back from a thread of its own."""

    def __init__(self, on_price):
        self.on_price = on_price
        self.thread = threading.Thread(target=self._run, name="feed")
        self.thread.start()

    def _run(self):
        for price in [101, 102]:
            time.sleep(1)
            log(f"feed thread: price {price}")
            self.on_price(price)


# --8<-- [start:main]
async def main():
    prices = asyncio.Queue()
    feed = PriceFeed(on_price=prices.put_nowait)  # runs in the feed's thread
    async with asyncio.timeout(4):  # a deadline: the loop's only timer
        for _ in range(2):
            log(f"main: got price {await prices.get()}")
    await asyncio.to_thread(feed.thread.join)


# --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
