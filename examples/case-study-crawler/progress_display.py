"""A progress line every 10 results: finished, failed and retried so far."""

import asyncio
import random
from urllib.parse import urlsplit

import aiohttp
from site_with_faults import Faults, TestSite

PAGES = 100
CONCURRENCY = 5
ATTEMPTS = 3
BASE = 0.1
CAP = 2.0
RETRY_STATUSES = {429, 500, 502, 503, 504}
RETRY_ERRORS = (
    aiohttp.ClientConnectionError,
    aiohttp.ClientPayloadError,
    TimeoutError,
)


# --8<-- [start:progress]
class Progress:
    """Counts kept by the crawl; a line each time `every` more finish."""

    def __init__(self, total, every):
        self.total = total
        self.every = every
        self.ok = 0
        self.failed = 0
        self.retried = 0  # finished pages that needed more than one try

    def finished(self, ok, attempts):
        if ok:
            self.ok += 1
        else:
            self.failed += 1
        if attempts > 1:
            self.retried += 1
        done = self.ok + self.failed
        if done % self.every == 0 or done == self.total:
            print(self.line())

    def line(self):
        finished = self.ok + self.failed
        return (
            f"{finished}/{self.total} finished: {self.ok} ok, "
            f"{self.failed} failed, {self.retried} retried"
        )


# --8<-- [end:progress]


async def get_once(session, limit, url):
    async with limit:
        try:
            async with session.get(url) as response:
                if response.status != 200:
                    retry = response.status in RETRY_STATUSES
                    after = response.headers.get("Retry-After")
                    return str(response.status), retry, after
                await response.text()
                return "200", False, None
        except RETRY_ERRORS as error:
            return type(error).__name__, True, None


def backoff(attempt, rng):
    return rng.uniform(0, min(CAP, BASE * 2 ** (attempt - 1)))


# --8<-- [start:fetch]
async def fetch(session, limit, url, progress):
    rng = random.Random(urlsplit(url).path)  # seeded: the same every run
    for attempt in range(1, ATTEMPTS + 1):
        what, retry, retry_after = await get_once(session, limit, url)
        if what == "200" or not retry or attempt == ATTEMPTS:
            progress.finished(what == "200", attempt)
            return
        wait = backoff(attempt, rng)
        if retry_after is not None and retry_after.isdigit():
            wait = max(wait, int(retry_after))
        await asyncio.sleep(wait)


async def main():
    faults = Faults(
        error_500=0.2, rate_limited=0.05, unavailable=0.05, dropped=0.05
    )
    async with TestSite(pages=PAGES, delay=0.1, faults=faults) as site:
        progress = Progress(PAGES, every=10)
        limit = asyncio.Semaphore(CONCURRENCY)
        async with aiohttp.ClientSession() as session:
            await asyncio.gather(
                *(
                    fetch(session, limit, site.page_url(n), progress)
                    for n in range(PAGES)
                )
            )


# --8<-- [end:fetch]


if __name__ == "__main__":
    asyncio.run(main())
