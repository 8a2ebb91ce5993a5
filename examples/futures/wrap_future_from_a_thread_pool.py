# /// script
# [tool.fieldguide]
# virtual-time = false  # a worker thread does the work
# ///
"""A concurrent.futures.Future from a thread pool, wrapped to be awaited."""

import asyncio
import concurrent.futures
import threading


def square_when_allowed(number, gate):
    """Blocking work for a worker thread: waits for the gate, then squares."""
    gate.wait()
    return number * number


async def main(pool):
    gate = threading.Event()
    thread_future = pool.submit(square_when_allowed, 7, gate)
    kind = isinstance(thread_future, concurrent.futures.Future)
    print(f"submit() returned a concurrent.futures.Future: {kind}")
    try:
        thread_future.result(timeout=0)  # timeout=0: gives up without waiting
    except TimeoutError:
        print("its result(timeout=0) raised TimeoutError: still running")

    loop_future = asyncio.wrap_future(thread_future)
    kind = isinstance(loop_future, asyncio.Future)
    print(f"wrap_future() returned an asyncio.Future: {kind}")
    try:
        loop_future.result()  # never waits
    except asyncio.InvalidStateError:
        print("its result() raised InvalidStateError: not done yet")

    gate.set()  # let the worker thread finish
    print(f"await gave {await loop_future}")
    print(f"the thread's future now says {thread_future.result()}")


if __name__ == "__main__":
    # Leaving the with block waits for the pool's threads to finish: do it
    # outside the event loop, never inside a coroutine.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        asyncio.run(main(pool))
