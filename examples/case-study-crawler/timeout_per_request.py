"""A per-request timeout stops slow pages from holding a slot for long."""

import asyncio
import math
import time

import aiohttp
from site_with_faults import Faults, TestSite

PAGES = 40
CONCURRENCY = 10


def tenths(seconds):
    """Seconds cut, not rounded, to tenths: a busy machine adds a little."""
    return math.floor(seconds * 10 + 1e-9) / 10


# --8<-- [start:fetch]
async def fetch(session, limit, url, results):
    async with limit:
        start = time.perf_counter()
        try:
            async with session.get(url) as response:
                await response.text()
            what = "answered"
        except TimeoutError:  # aiohttp raises a subclass of it
            what = "timed out"
        results[url] = (what, time.perf_counter() - start)


# --8<-- [end:fetch]


async def crawl(per_request):
    # One page in five answers after 2 s instead of 0.05 s.
    faults = Faults(slow=0.2)
    async with TestSite(pages=PAGES, delay=0.05, faults=faults) as site:
        results = {}
        limit = asyncio.Semaphore(CONCURRENCY)
        # --8<-- [start:session]
        # The session's timeout applies to each request made through it;
        # total= covers everything from connecting to the end of the body.
        timeout = aiohttp.ClientTimeout(total=per_request)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            # --8<-- [end:session]
            urls = [site.page_url(n) for n in range(PAGES)]
            await asyncio.gather(
                *(fetch(session, limit, url, results) for url in urls)
            )
        slow = site.stats.outcomes["slow"]
        print(f"  {PAGES} pages, {slow} of them slow")
        for n, url in enumerate(urls):
            what, seconds = results[url]
            if what == "timed out" or seconds > 1:  # the slow ones
                print(f"  page {n}: {what} after {tenths(seconds)}s")


async def main():
    print("the default timeout (5 minutes):")
    await crawl(per_request=300)
    print("a timeout of 0.5 s for each request:")
    await crawl(per_request=0.5)


if __name__ == "__main__":
    asyncio.run(main())
