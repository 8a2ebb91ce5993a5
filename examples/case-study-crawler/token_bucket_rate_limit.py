"""A token bucket caps requests per second, apart from the concurrency cap."""

import asyncio
import time

import aiohttp
from site_with_faults import TestSite


# --8<-- [start:bucket]
class TokenBucket:
    """At most `rate` acquisitions a second, and `burst` in a row.

    The bucket holds up to `burst` tokens and refills at `rate` tokens a
    second; each request takes one, and waits for one when it is empty.
    """

    def __init__(self, rate, burst=1):
        self.rate = rate
        self.burst = burst
        self.tokens = burst
        self.updated = time.monotonic()
        self.lock = asyncio.Lock()  # waiters take tokens in turn, in order

    async def acquire(self):
        async with self.lock:
            now = time.monotonic()
            earned = (now - self.updated) * self.rate
            self.tokens = min(self.burst, self.tokens + earned)
            self.updated = now
            if self.tokens < 1:
                # Sleep until the missing part of a token has come in. Then
                # it has: no need to look at the clock again, which might not
                # show the last billionth of a second of it.
                await asyncio.sleep((1 - self.tokens) / self.rate)
                self.tokens, self.updated = 1, time.monotonic()
            self.tokens -= 1


# --8<-- [end:bucket]


# --8<-- [start:fetch]
async def fetch(session, limit, bucket, url):
    async with limit:  # first a slot: how many at once
        if bucket is not None:
            await bucket.acquire()  # then a token: how often
        async with session.get(url) as response:
            return await response.text()


# --8<-- [end:fetch]


async def crawl(pages, delay, concurrency, rate):
    async with TestSite(pages=pages, delay=delay) as site:
        limit = asyncio.Semaphore(concurrency)
        bucket = TokenBucket(rate) if rate else None
        async with aiohttp.ClientSession() as session:
            await asyncio.gather(
                *(
                    fetch(session, limit, bucket, site.page_url(n))
                    for n in range(pages)
                )
            )
    stats = site.stats
    print(
        f"{pages} pages of {delay}s, concurrency {concurrency}, "
        f"rate {rate or 'unlimited'}:"
    )
    print(
        f"  at most {stats.max_in_flight} at once, "
        f"{stats.max_per_second()} in any second"
    )


async def main():
    await crawl(pages=51, delay=0.06, concurrency=10, rate=None)
    await crawl(pages=51, delay=0.06, concurrency=10, rate=25)
    await crawl(pages=30, delay=1.0, concurrency=10, rate=25)


if __name__ == "__main__":
    asyncio.run(main())
