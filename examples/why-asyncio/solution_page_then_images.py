"""Exercise solution: fetch the page first, then its images all at once."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def download(name, seconds):
    log(f"start  {name}")
    await asyncio.sleep(seconds)
    log(f"finish {name}")
    return name


async def main():
    # The images are not known until the page has arrived: await it first.
    await download("page", 1)
    images = {"logo.png": 2, "photo.jpg": 3, "icon.png": 1}
    await asyncio.gather(*(download(n, s) for n, s in images.items()))
    log("the page and all its images are here")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:after-log]
