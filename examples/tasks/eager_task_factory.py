# /// script
# requires-python = ">=3.12"
# ///
"""Python 3.12: eager tasks run at once, and may finish without the loop."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def lookup(key, cache):
    log(f"lookup({key!r}) starts")
    if key in cache:
        return cache[key]  # a cache hit: finishes without ever pausing
    await asyncio.sleep(1)  # a miss: fetch it, slowly
    cache[key] = key.upper()
    return cache[key]


async def lookup_all(keys):
    cache = {"home": "HOME", "about": "ABOUT", "faq": "FAQ"}
    tasks = [asyncio.create_task(lookup(key, cache)) for key in keys]
    log("all tasks created")
    already = sum(task.done() for task in tasks)
    log(f"{already} of {len(tasks)} tasks finished during create_task")
    log(f"results: {await asyncio.gather(*tasks)}")


async def main():
    keys = ["home", "about", "news", "faq"]
    print("--- default task factory")
    await lookup_all(keys)
    print("--- eager task factory")
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    await lookup_all(keys)


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
