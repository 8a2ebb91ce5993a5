# /// script
# [tool.fieldguide]
# virtual-time = false  # the producer thread really sleeps
# record-stderr = true  # runs without debug mode, which refuses the bad call
# ///
"""Exercise solution: loop.call_soon() from a thread does not wake the loop."""

import asyncio
import threading
import time

PRODUCE_AFTER = 0.03  # seconds before the thread hands over its item
TIMER = 0.15  # an unrelated timer on the loop, due after this many seconds
GIVE_UP = 0.35  # the consumer waits no longer than this


def produce(loop, queue, safely):
    time.sleep(PRODUCE_AFTER)  # let the consumer start waiting
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
    fired = []
    timer = loop.call_later(TIMER, fired.append, "fired")  # not the queue's
    how = "call_soon_threadsafe()" if safely else "call_soon()"
    producer = threading.Thread(target=produce, args=[loop, queue, safely])
    producer.start()
    try:
        async with asyncio.timeout(GIVE_UP):  # rather than wait for ever
            await queue.get()
    except TimeoutError:
        print(f"{how}: the item never arrived")
    else:
        print(f"{how}: got it only once the timer had fired: {bool(fired)}")
    timer.cancel()
    await asyncio.to_thread(producer.join)


async def main():
    await consume(safely=True)
    await consume(safely=False)
    asyncio.get_running_loop().set_debug(True)  # as python -X dev does
    await consume(safely=False)


if __name__ == "__main__":
    asyncio.run(main())
