"""A session per request opens a connection each; a shared one reuses."""

import asyncio

import aiohttp
from site_with_faults import TestSite

PAGES = 100
CONCURRENCY = 10


# --8<-- [start:count]
def connection_counter(counts):
    """A TraceConfig that counts new and reused connections in counts."""

    async def created(session, context, params):
        counts["new"] += 1

    async def reused(session, context, params):
        counts["reused"] += 1

    trace = aiohttp.TraceConfig()
    trace.on_connection_create_end.append(created)
    trace.on_connection_reuseconn.append(reused)
    return trace


# --8<-- [end:count]


# --8<-- [start:two-ways]
async def session_per_request(url, limit, trace):
    # A new session has a new connector, with no connections in it.
    session = aiohttp.ClientSession(trace_configs=[trace])
    async with limit, session, session.get(url) as response:
        return await response.text()


async def shared_session(session, url, limit):
    async with limit, session.get(url) as response:
        return await response.text()


async def main():
    async with TestSite(pages=PAGES, delay=0.05) as site:
        urls = [site.page_url(n) for n in range(PAGES)]

        counts = {"new": 0, "reused": 0}
        trace = connection_counter(counts)
        limit = asyncio.Semaphore(CONCURRENCY)
        await asyncio.gather(
            *(session_per_request(url, limit, trace) for url in urls)
        )
        print(f"a session per request: {counts}")

        counts = {"new": 0, "reused": 0}
        trace = connection_counter(counts)
        limit = asyncio.Semaphore(CONCURRENCY)
        async with aiohttp.ClientSession(trace_configs=[trace]) as session:
            await asyncio.gather(
                *(shared_session(session, url, limit) for url in urls)
            )
        print(f"one shared session:    {counts}")
    print(f"site: {site.stats.requests} requests in all")


# --8<-- [end:two-ways]


if __name__ == "__main__":
    asyncio.run(main())
