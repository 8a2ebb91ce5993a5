"""An overall deadline stops the crawl and keeps what it finished."""

import asyncio
import time

import aiohttp
from site_with_faults import TestSite

PAGES = 40
CONCURRENCY = 10


async def fetch(session, limit, url, results):
    async with limit, session.get(url) as response:
        results[url] = await response.text()


async def main():
    async with TestSite(pages=PAGES, delay=1.0) as site:
        start = time.perf_counter()
        results = {}
        limit = asyncio.Semaphore(CONCURRENCY)
        timeout = aiohttp.ClientTimeout(total=10)  # still one per request
        async with aiohttp.ClientSession(timeout=timeout) as session:
            urls = [site.page_url(n) for n in range(PAGES)]
            # --8<-- [start:deadline]
            try:
                # The whole crawl gets 2.5 s; at the deadline the group's
                # tasks are cancelled, wherever they are.
                async with asyncio.timeout(2.5):
                    async with asyncio.TaskGroup() as group:
                        for url in urls:
                            group.create_task(
                                fetch(session, limit, url, results)
                            )
            except TimeoutError:
                seconds = time.perf_counter() - start
                print(f"deadline reached after {seconds:.1f}s")
            # --8<-- [end:deadline]
        print(
            f"finished: {len(results)} pages, unfinished: "
            f"{PAGES - len(results)}"
        )
        print(
            f"site: {site.stats.requests} requests, at most "
            f"{site.stats.max_in_flight} at once"
        )


if __name__ == "__main__":
    asyncio.run(main())
