# /// script
# [tool.fieldguide]
# virtual-time = false  # a plain thread waits for the loop in real time
# ///
"""A plain thread asks the program's event loop to run coroutines for it."""

import asyncio
import concurrent.futures
import threading

PRICES = {"apples": 3, "pears": 4}


async def get_price(item):
    await asyncio.sleep(0.01)  # stands in for a request to a server
    return PRICES[item]  # KeyError for an item with no price


async def watch_prices(started):
    started.set()
    try:
        await asyncio.sleep(10)  # waits for a price change that never comes
    except asyncio.CancelledError:
        print("loop thread: watch_prices() was cancelled")
        raise


def worker(loop, started):
    """Plain blocking code, in a thread of its own: no event loop here."""
    future = asyncio.run_coroutine_threadsafe(get_price("apples"), loop)
    print(f"worker: apples cost {future.result(timeout=2)}")

    future = asyncio.run_coroutine_threadsafe(get_price("plums"), loop)
    try:
        future.result(timeout=2)
    except KeyError as error:  # raised by the coroutine, re-raised here
        print(f"worker: get_price() raised KeyError({error})")

    future = asyncio.run_coroutine_threadsafe(watch_prices(started), loop)
    try:
        future.result()  # no time limit: the loop decides when it ends
    except concurrent.futures.CancelledError:  # not asyncio.CancelledError
        print("worker: the loop cancelled watch_prices(); stopping")


async def main():
    loop = asyncio.get_running_loop()  # the thread needs it to submit work
    started = asyncio.Event()
    thread = threading.Thread(target=worker, args=[loop, started])
    thread.start()
    await started.wait()
    print("main(): done; asyncio.run() now cancels the tasks still running")
    return thread


if __name__ == "__main__":
    thread = asyncio.run(main())
    thread.join()
    print("main thread: the worker has finished")
