"""Retry what may succeed next time; fail a 404 or a bad body at once."""

import asyncio
import random
from urllib.parse import urlsplit

import aiohttp
from site_with_faults import Faults, TestSite

PAGES = 10
CONCURRENCY = 5
ATTEMPTS = 3
BASE = 0.1
CAP = 2.0


# --8<-- [start:classify]
# A busy or broken server may answer the next try; these are worth one.
RETRY_STATUSES = {429, 500, 502, 503, 504}
RETRY_ERRORS = (
    aiohttp.ClientConnectionError,  # refused, reset, closed early
    aiohttp.ClientPayloadError,  # the body stopped short
    TimeoutError,
)
# The same request would get the same answer: retrying only adds load.
GIVE_UP_ERRORS = (
    UnicodeDecodeError,  # the body is not the text it claims to be
    aiohttp.TooManyRedirects,  # a redirect loop
)


async def get_once(session, limit, url):
    """(what happened, whether to retry, Retry-After or None)."""
    async with limit:
        try:
            async with session.get(url) as response:
                if response.status != 200:
                    retry = response.status in RETRY_STATUSES
                    after = response.headers.get("Retry-After")
                    return str(response.status), retry, after
                await response.text()  # decodes: a bad body raises here
                return "200", False, None
        except RETRY_ERRORS as error:
            return type(error).__name__, True, None
        except GIVE_UP_ERRORS as error:
            return type(error).__name__, False, None


# --8<-- [end:classify]


def backoff(attempt, rng):
    return rng.uniform(0, min(CAP, BASE * 2 ** (attempt - 1)))


# --8<-- [start:fetch]
async def fetch(session, limit, url, history):
    rng = random.Random(urlsplit(url).path)  # seeded: the same every run
    for attempt in range(1, ATTEMPTS + 1):
        what, retry, retry_after = await get_once(session, limit, url)
        if what == "200":
            history.append(what)
            return True
        if not retry:
            history.append(f"{what}: not retried")
            return False
        if attempt == ATTEMPTS:
            history.append(f"{what}: gave up")
            return False
        wait = backoff(attempt, rng)
        if retry_after is not None and retry_after.isdigit():
            wait = max(wait, int(retry_after))
        history.append(f"{what} (wait {wait:.2f}s)")
        await asyncio.sleep(wait)


# --8<-- [end:fetch]


async def main():
    faults = Faults(
        error_500=0.3,
        malformed=0.1,
        redirect_loop=0.1,
        dropped=0.1,
        rate_limited=0.1,
    )
    site = TestSite(pages=PAGES, delay=0.05, faults=faults, seed=29)
    async with site:
        # Two more pages than the site has: those two are 404s.
        urls = [site.page_url(n) for n in range(PAGES + 2)]
        histories = [[] for _ in urls]
        limit = asyncio.Semaphore(CONCURRENCY)
        async with aiohttp.ClientSession() as session:
            oks = await asyncio.gather(
                *(
                    fetch(session, limit, url, history)
                    for url, history in zip(urls, histories, strict=True)
                )
            )
    for url, history in zip(urls, histories, strict=True):
        print(f"{urlsplit(url).path:9}: {', '.join(history)}")
    print(f"{sum(oks)} of {len(urls)} fetched; the site's counts:")
    print(site.stats.report())


if __name__ == "__main__":
    asyncio.run(main())
