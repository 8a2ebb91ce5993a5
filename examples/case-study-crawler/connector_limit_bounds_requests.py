"""The connector's limit lets 10 of 100 requests run at once."""

import asyncio

import aiohttp
from site_with_faults import TestSite

PAGES = 100
CONCURRENCY = 10


async def fetch(session, url):
    async with session.get(url) as response:
        return await response.text()


async def main():
    async with TestSite(pages=PAGES, delay=1.0) as site:
        # --8<-- [start:main]
        # At most 10 connections; a request that finds them all busy
        # waits inside session.get() for one to come free.
        connector = aiohttp.TCPConnector(limit=CONCURRENCY)
        async with aiohttp.ClientSession(connector=connector) as session:
            urls = [site.page_url(n) for n in range(PAGES)]
            tasks = [asyncio.create_task(fetch(session, u)) for u in urls]
            await asyncio.sleep(0.5)  # half a second into the crawl
            waiting = sum(not task.done() for task in tasks)
            print(f"at 0.5s: {waiting} tasks unfinished,", end=" ")
            print(f"{site.stats.in_flight} requests at the site")
            pages = await asyncio.gather(*tasks)
        # --8<-- [end:main]
    print(f"{len(pages)} pages")
    print(f"site: at most {site.stats.max_in_flight} requests at once")


if __name__ == "__main__":
    asyncio.run(main())
