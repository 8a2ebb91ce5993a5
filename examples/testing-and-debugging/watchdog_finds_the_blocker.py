# /// script
# [tool.fieldguide]
# virtual-time = false   # the watchdog thread waits in real time
# blocks-the-loop = true # it blocks the loop on purpose, for the watchdog
# ///
"""A watchdog thread notices a stuck loop and prints where the loop is."""

import asyncio
import sys
import threading
import time
import traceback

PATIENCE = 1.0  # seconds the loop may take to answer before a report


def watchdog(loop, loop_thread_id, stop):
    while not stop.is_set():
        answered = threading.Event()
        loop.call_soon_threadsafe(answered.set)  # runs when the loop is free
        if not answered.wait(PATIENCE):
            frame = sys._current_frames()[loop_thread_id]
            print(f"watchdog: no answer for {PATIENCE} s; the loop is in:")
            for entry in traceback.extract_stack(frame):
                if entry.filename == __file__:  # this program's frames only
                    where = f"{entry.name}(), line {entry.lineno}"
                    print(f"  {where}: {entry.line}")
            answered.wait()  # one report per stall
            print("watchdog: the loop answers again")
        stop.wait(0.1)


def load_settings():
    time.sleep(2.5)  # blocking: this should not be in a coroutine
    return {"colour": "blue"}


async def handle_request():
    await asyncio.sleep(0.5)
    settings = load_settings()
    return settings["colour"]


async def main():
    stop = threading.Event()
    loop = asyncio.get_running_loop()
    guard = threading.Thread(
        target=watchdog, args=[loop, threading.get_ident(), stop]
    )
    guard.start()
    try:
        print(f"main(): the answer is {await handle_request()}")
    finally:  # stop the watchdog even if the request fails
        stop.set()
        await asyncio.to_thread(guard.join)


if __name__ == "__main__":
    asyncio.run(main())
