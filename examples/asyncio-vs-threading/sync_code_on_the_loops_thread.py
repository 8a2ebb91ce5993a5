# /// script
# [tool.fieldguide]
# virtual-time = false  # a worker thread runs an event loop of its own
# blocks-the-loop = true  # price_now() blocks the loop's thread on purpose
# ///
"""Synchronous code on the loop's own thread cannot wait for a coroutine."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

PRICES = {"apples": 3, "pears": 4}


async def get_price(item):
    await asyncio.sleep(0.01)  # stands in for a request to a server
    return PRICES[item]


# --8<-- [start:blocked]
def price_now(item):
    """Synchronous code that needs a coroutine's result before it returns."""
    loop = asyncio.get_running_loop()  # a coroutine called this function
    for how, run in [
        ("asyncio.run()", asyncio.run),
        ("loop.run_until_complete()", loop.run_until_complete),
    ]:
        coroutine = get_price(item)
        try:
            return run(coroutine)
        except RuntimeError as error:
            coroutine.close()  # it never started; closing it avoids a warning
            print(f"{how} refused: {error}")
    future = asyncio.run_coroutine_threadsafe(get_price(item), loop)
    try:
        # This thread is the loop's, and while it waits here, the loop
        # cannot run get_price(): the wait can only time out.
        return future.result(timeout=0.05)
    except TimeoutError:
        future.cancel()
        print("run_coroutine_threadsafe(): no result while this thread waits")
    return None


# --8<-- [end:blocked]


# --8<-- [start:fixes]
background = set()  # strong references: the loop keeps only weak ones


def price_later(item, report):
    """Schedule the coroutine as a task on the running loop; return at once."""
    task = asyncio.get_running_loop().create_task(get_price(item))
    background.add(task)
    task.add_done_callback(background.discard)
    task.add_done_callback(lambda done: report(item, done.result()))
    return task


def price_on_another_loop(item, pool):
    """Run the coroutine on a new event loop in a worker thread, and wait."""
    return pool.submit(asyncio.run, get_price(item)).result()


def report(item, price):
    print(f"task done: {item} cost {price}")


async def main(pool):
    price_now("apples")
    task = price_later("pears", report)
    print("price_later() returned; its task waits for main() to await")
    price = price_on_another_loop("apples", pool)
    print(f"price_on_another_loop(): apples cost {price}")
    await task


# --8<-- [end:fixes]

if __name__ == "__main__":
    with ThreadPoolExecutor(max_workers=1) as pool:
        asyncio.run(main(pool))
