"""One asyncio.run(), and the semaphore made inside it, in the loop's code."""

import asyncio


async def download(name, limit):
    async with limit:
        await asyncio.sleep(1)
        return f"{name}.csv"


async def download_all(names, limit):
    return await asyncio.gather(*(download(name, limit) for name in names))


async def main():
    limit = asyncio.Semaphore(2)  # made in main(), used only in this loop
    for batch in [["jan", "feb", "mar"], ["apr", "may", "jun"]]:
        print(await download_all(batch, limit))


if __name__ == "__main__":
    asyncio.run(main())  # one loop for the whole program
