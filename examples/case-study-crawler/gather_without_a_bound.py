"""120 requests started at once by gather(): the site's and the fds' view."""

import asyncio
import os

import aiohttp
from site_with_faults import TestSite

PAGES = 120


def open_descriptors():
    """How many files and sockets this process has open (Linux)."""
    return len(os.listdir("/proc/self/fd"))


async def watch_descriptors(peak):
    """Keep the largest count of open descriptors in peak[0]."""
    while True:
        peak[0] = max(peak[0], open_descriptors())
        await asyncio.sleep(0.01)


async def fetch(session, url):
    async with session.get(url) as response:
        return await response.text()


# --8<-- [start:crawl]
async def crawl(connector):
    # A new site for each run, so that its counts start from zero.
    async with TestSite(pages=PAGES, delay=1.0) as site:
        before = open_descriptors()
        peak = [before]
        watcher = asyncio.create_task(watch_descriptors(peak))
        async with aiohttp.ClientSession(connector=connector) as session:
            urls = [site.page_url(n) for n in range(PAGES)]
            # A task for every URL, all started at once: no bound of ours.
            pages = await asyncio.gather(*(fetch(session, u) for u in urls))
        watcher.cancel()
        print(f"  {len(pages)} pages")
        print(f"  site: at most {site.stats.max_in_flight} requests at once")
        print(f"  client: up to {peak[0] - before} more descriptors open")


async def main():
    print("default connector:")
    await crawl(aiohttp.TCPConnector())  # limit=100 unless you say otherwise
    print("connector with limit=0 (no limit):")
    await crawl(aiohttp.TCPConnector(limit=0))


# --8<-- [end:crawl]


if __name__ == "__main__":
    asyncio.run(main())
