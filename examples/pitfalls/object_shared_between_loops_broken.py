"""A semaphore made at module level binds to the first loop to wait on it."""

import asyncio

# At most two downloads at a time, for every caller of download_all().
LIMIT = asyncio.Semaphore(2)


async def download(name):
    async with LIMIT:  # the third download waits here
        await asyncio.sleep(1)
        return f"{name}.csv"


async def download_all(names):
    return await asyncio.gather(*(download(name) for name in names))


if __name__ == "__main__":
    # One asyncio.run() per batch: each makes a new event loop.
    for batch in [["jan", "feb", "mar"], ["apr", "may", "jun"]]:
        try:
            print(asyncio.run(download_all(batch)))
        except RuntimeError as error:
            print(f"RuntimeError: {error}")
