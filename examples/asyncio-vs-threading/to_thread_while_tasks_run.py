# /// script
# [tool.fieldguide]
# virtual-time = false  # the blocking calls really sleep, in worker threads
# ///
"""asyncio.to_thread(): blocking calls run in threads; the loop stays free."""

import asyncio
import threading
import time


def blocking_lookup(user):
    """Stands in for a library call that blocks, with no async version."""
    time.sleep(0.3)
    return f"{user} found", threading.current_thread().name


async def ticker(stop):
    ticks = 0
    while not stop.is_set():
        await asyncio.sleep(0.05)
        ticks += 1
    return ticks


async def main():
    stop = asyncio.Event()
    ticking = asyncio.create_task(ticker(stop))
    start = time.perf_counter()
    answers = await asyncio.gather(
        asyncio.to_thread(blocking_lookup, "ada"),
        asyncio.to_thread(blocking_lookup, "bob"),
        asyncio.to_thread(blocking_lookup, "cy"),
    )
    elapsed = time.perf_counter() - start
    stop.set()
    print(f"answers: {[answer for answer, _ in answers]}")
    print(f"worker threads: {sorted({thread for _, thread in answers})}")
    print(f"the three calls overlapped: {elapsed < 3 * 0.3}")
    print(f"the ticker kept ticking meanwhile: {await ticking > 1}")


if __name__ == "__main__":
    asyncio.run(main())
