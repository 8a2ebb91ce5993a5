# /// script
# [tool.fieldguide]
# exit-status = -2  # killed by SIGINT, as subprocess.run() reports it
# coverage = false  # dying of a signal skips coverage.py's saving its data
# ///
"""Ctrl-C under asyncio.run(): main() is cancelled, then KeyboardInterrupt."""

import asyncio
import os
import signal
import sys
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def copy(name, files):
    try:
        for number in range(1, files + 1):
            await asyncio.sleep(1)
            log(f"{name}: copied file {number} of {files}")
    except asyncio.CancelledError:
        log(f"{name}: cancelled, removing the half-copied file")
        raise


async def main():
    # Stands in for a person pressing Ctrl-C 2.5 s in: the terminal sends
    # SIGINT to the program, and here the program sends it to itself.
    loop = asyncio.get_running_loop()
    loop.call_later(2.5, os.kill, os.getpid(), signal.SIGINT)
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(copy("photos", 5))
            group.create_task(copy("music", 2))
    except asyncio.CancelledError:
        log("main: cancelled; writing down how far we got")
        await asyncio.sleep(0.5)  # clean-up may still await
        log("main: done tidying up")
        raise  # let asyncio.run() see the cancellation


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        # asyncio.run() raised it after main() had finished cancelling.
        log("KeyboardInterrupt reached the top; ending with SIGINT")
        sys.stdout.flush()  # dying of a signal flushes nothing
        # Die of SIGINT, as Python itself does with an uncaught
        # KeyboardInterrupt, so that a calling shell script stops too.
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
# --8<-- [end:after-log]
