"""Exercise solution: a TaskGroup inside a timeout shares one deadline."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def resize(image, seconds):
    await asyncio.sleep(seconds)
    log(f"{image} resized")


async def main():
    jobs = {"cat.png": 1, "dog.png": 3, "owl.png": 2, "eel.png": 4}
    tasks = {}
    try:
        async with asyncio.timeout(2.5):
            async with asyncio.TaskGroup() as group:
                for image, seconds in jobs.items():
                    tasks[image] = group.create_task(resize(image, seconds))
    except TimeoutError:
        log("the batch ran out of time")
    finished = [name for name, task in tasks.items() if not task.cancelled()]
    cancelled = [name for name, task in tasks.items() if task.cancelled()]
    log(f"finished: {finished}")
    log(f"cancelled: {cancelled}")


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
