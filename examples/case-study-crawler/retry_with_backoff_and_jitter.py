"""Retries with exponential back-off, full jitter and Retry-After."""

import asyncio
import random
from urllib.parse import urlsplit

import aiohttp
from site_with_faults import Faults, TestSite

PAGES = 12
CONCURRENCY = 5
ATTEMPTS = 4  # the first try and up to three retries
BASE = 0.1  # seconds: the back-off ceiling doubles from here
CAP = 2.0  # and never goes above this


# --8<-- [start:fetch]
def backoff(attempt, rng):
    """Full jitter: anywhere from 0 to a ceiling that doubles each time."""
    return rng.uniform(0, min(CAP, BASE * 2 ** (attempt - 1)))


async def get_once(session, limit, url):
    """(status or error name, Retry-After header or None) for one try."""
    async with limit:  # holds a slot only while the request is running
        try:
            async with session.get(url) as response:
                await response.text()
                return response.status, response.headers.get("Retry-After")
        except (
            aiohttp.ClientConnectionError,
            aiohttp.ClientPayloadError,
            TimeoutError,
        ) as error:
            return type(error).__name__, None


async def fetch(session, limit, url, history):
    # Seeded by page so that every run prints the same; a real crawler
    # would use random.uniform() itself.
    rng = random.Random(urlsplit(url).path)
    for attempt in range(1, ATTEMPTS + 1):
        status, retry_after = await get_once(session, limit, url)
        if status == 200 or attempt == ATTEMPTS:
            history.append(str(status))
            return status == 200
        wait = backoff(attempt, rng)
        if retry_after is not None and retry_after.isdigit():
            # The server said when to come back: not sooner than that.
            wait = max(wait, int(retry_after))
        history.append(f"{status} (wait {wait:.2f}s)")
        await asyncio.sleep(wait)


# --8<-- [end:fetch]


async def main():
    faults = Faults(
        error_500=0.2, rate_limited=0.1, unavailable=0.1, dropped=0.1
    )
    site = TestSite(pages=PAGES, delay=0.05, faults=faults, seed=3)
    async with site:
        histories = {n: [] for n in range(PAGES)}
        limit = asyncio.Semaphore(CONCURRENCY)
        async with aiohttp.ClientSession() as session:
            oks = await asyncio.gather(
                *(
                    fetch(session, limit, site.page_url(n), histories[n])
                    for n in range(PAGES)
                )
            )
    for n, history in histories.items():
        print(f"page {n:2}: {', '.join(history)}")
    print(f"{sum(oks)} of {PAGES} pages fetched; the site's counts:")
    print(site.stats.report())


if __name__ == "__main__":
    asyncio.run(main())
