# /// script
# [tool.fieldguide]
# virtual-time = false  # the sensor thread really sleeps
# ///
"""A plain thread feeds an asyncio.Queue through call_soon_threadsafe()."""

import asyncio
import threading
import time


def read_sensor(loop, queue):
    """Runs in a plain thread: blocking reads, each handed to the loop."""
    for value in [21.5, 21.7, 21.6]:
        time.sleep(0.02)  # a blocking read from the device
        # Not queue.put_nowait(value): ask the loop to call it, in its thread
        loop.call_soon_threadsafe(queue.put_nowait, value)
    loop.call_soon_threadsafe(queue.put_nowait, None)  # no more readings


async def main():
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue()
    sensor = threading.Thread(target=read_sensor, args=[loop, queue])
    sensor.start()
    while (value := await queue.get()) is not None:
        print(f"main(): got {value}")
    print("main(): the sensor has no more readings")
    await asyncio.to_thread(sensor.join)


if __name__ == "__main__":
    asyncio.run(main())
