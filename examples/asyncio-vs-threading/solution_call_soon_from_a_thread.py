# /// script
# [tool.fieldguide]
# virtual-time = false  # the producer thread really sleeps
# record-stderr = true  # runs without debug mode, which refuses the bad call
# ///
"""Exercise solution: loop.call_soon() from a thread does not wake the loop."""

import asyncio
import threading
import time


def produce(loop, queue, safely):
    time.sleep(0.1)  # let the consumer start waiting
    if safely:
        loop.call_soon_threadsafe(queue.put_nowait, "reading")
    else:
        try:
            loop.call_soon(
                queue.put_nowait, "reading"
            )  # wrong: not thread-safe
        except RuntimeError as error:  # debug mode checks the calling thread
            print(f"call_soon() refused: {error}")


async def consume(safely):
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue()
    timer = loop.call_later(1, lambda: None)  # an unrelated timer, due in 1 s
    how = "call_soon_threadsafe()" if safely else "call_soon()"
    producer = threading.Thread(target=produce, args=[loop, queue, safely])
    start = time.perf_counter()
    producer.start()
    try:
        async with asyncio.timeout(2):  # give up, rather than wait for ever
            await queue.get()
    except TimeoutError:
        print(f"{how}: the item never arrived")
    else:
        waited = time.perf_counter() - start
        print(f"{how}: got it only when the timer fired: {waited >= 1}")
    timer.cancel()
    await asyncio.to_thread(producer.join)


async def main():
    await consume(safely=True)
    await consume(safely=False)
    asyncio.get_running_loop().set_debug(True)  # as python -X dev does
    await consume(safely=False)


if __name__ == "__main__":
    asyncio.run(main())
