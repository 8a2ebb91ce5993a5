"""A semaphore lets 10 of 100 requests run at once."""

import asyncio

import aiohttp
from site_with_faults import TestSite

PAGES = 100
CONCURRENCY = 10


# --8<-- [start:fetch]
async def fetch(session, limit, url):
    # Waits while 10 others hold the semaphore, then makes the request.
    async with limit, session.get(url) as response:
        return await response.text()


# --8<-- [end:fetch]


async def main():
    async with TestSite(pages=PAGES, delay=0.2) as site:
        # --8<-- [start:main]
        limit = asyncio.Semaphore(CONCURRENCY)
        async with aiohttp.ClientSession() as session:
            urls = [site.page_url(n) for n in range(PAGES)]
            pages = await asyncio.gather(
                *(fetch(session, limit, url) for url in urls)
            )
        # --8<-- [end:main]
    print(f"{len(pages)} pages")
    print(f"site: at most {site.stats.max_in_flight} requests at once")


if __name__ == "__main__":
    asyncio.run(main())
