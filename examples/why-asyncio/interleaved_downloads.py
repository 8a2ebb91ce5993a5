"""The same five downloads with asyncio: all of them wait at once."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
PAGES = {"home": 1.5, "news": 1.0, "shop": 2.0, "about": 0.5, "blog": 2.5}


async def download(page, seconds):
    log(f"start  {page}")
    await asyncio.sleep(seconds)  # waits without holding up the others
    log(f"finish {page}")
    return page


async def main():
    pages = await asyncio.gather(
        *(download(page, seconds) for page, seconds in PAGES.items())
    )
    log(f"all {len(pages)} pages downloaded: {', '.join(pages)}")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:after-log]
