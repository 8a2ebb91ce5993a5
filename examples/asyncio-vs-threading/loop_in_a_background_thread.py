# /// script
# [tool.fieldguide]
# virtual-time = false  # two threads wait for each other in real time
# ///
"""A plain main thread hands coroutines to a loop in a background thread."""

import asyncio
import queue
import threading

PRICES = {"apples": 3, "pears": 4}


async def get_price(item):
    await asyncio.sleep(0.01)  # stands in for a request to a server
    return PRICES[item]


async def build_report():
    try:
        await asyncio.sleep(10)  # far too slow
    except asyncio.CancelledError:
        print("loop thread: build_report() was cancelled")
        raise


async def main(handover):
    """The background thread's event loop: it serves until told to stop."""
    stop = asyncio.Event()
    handover.put((asyncio.get_running_loop(), stop))
    await stop.wait()


def synchronous_program():
    """Plain blocking code, like a GUI's main thread: no event loop here."""
    handover = queue.Queue()
    background = threading.Thread(target=asyncio.run, args=[main(handover)])
    background.start()
    loop, stop = handover.get()  # blocks until the loop is running

    future = asyncio.run_coroutine_threadsafe(get_price("apples"), loop)
    print(f"main thread: apples cost {future.result(timeout=2)}")

    future = asyncio.run_coroutine_threadsafe(build_report(), loop)
    try:
        future.result(timeout=0.1)
    except TimeoutError:
        print("main thread: no report within 0.1 seconds; cancelling it")
        future.cancel()  # cancels the task on the loop

    loop.call_soon_threadsafe(stop.set)  # main() returns, asyncio.run() ends
    background.join()
    print("main thread: the loop has stopped and closed")


if __name__ == "__main__":
    synchronous_program()
