"""cancel() raises CancelledError inside the task; finally cleans up."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def download(name):
    log(f"download: starts {name}")
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as error:
        log(f"download: CancelledError arrived, args={error.args}")
        raise  # let the cancellation carry on up
    finally:
        await asyncio.sleep(0.5)  # cleanup may await, e.g. to close a file
        log("download: cleanup in finally done")


async def main():
    task = asyncio.create_task(download("video.mp4"))
    await asyncio.sleep(2)
    log(f"main: cancel() returned {task.cancel('user pressed stop')}")
    log(f"main: straight after cancel(), done() is {task.done()}")
    try:
        await task
    except asyncio.CancelledError:
        log("main: awaiting the task raised CancelledError")
    log(f"main: cancelled() is {task.cancelled()}")


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
