# /// script
# [tool.fieldguide]
# virtual-time = false  # the library's thread really sleeps
# ///
"""The library's thread asks the loop to put each price in the queue."""

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
    loop = asyncio.get_running_loop()
    prices = asyncio.Queue()

    def on_price(price):  # runs in the feed's thread: hand over to the loop
        loop.call_soon_threadsafe(prices.put_nowait, price)

    feed = PriceFeed(on_price)
    async with asyncio.timeout(4):
        for _ in range(2):
            log(f"main: got price {await prices.get()}")
    await asyncio.to_thread(feed.thread.join)


# --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
