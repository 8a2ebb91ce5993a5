# /// script
# [tool.fieldguide]
# exit-status = -2  # killed by SIGINT, as subprocess.run() reports it
# coverage = false  # dying of a signal skips coverage.py's saving its data
# ///
"""Ctrl-C stops the crawl cleanly; every finished result is on disk."""

import asyncio
import json
import os
import signal
import sys
import tempfile
import time

import aiohttp
from site_with_faults import TestSite

PAGES = 100
CONCURRENCY = 10
START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def fetch_and_record(session, limit, url, output, cancelled):
    started = False
    try:
        async with limit:
            started = True
            async with session.get(url) as response:
                html = await response.text()
    except asyncio.CancelledError:
        cancelled["in flight" if started else "waiting"] += 1
        raise
    record = {"url": url, "status": response.status, "length": len(html)}
    output.write(json.dumps(record) + "\n")  # nothing awaits in here, so
    output.flush()  # a cancellation can never leave half a line behind


async def main(output):
    # Stands in for a person pressing Ctrl-C 2.5 s in: half-way through
    # the third wave of requests, well clear of the second's end.
    loop = asyncio.get_running_loop()
    loop.call_later(2.5, os.kill, os.getpid(), signal.SIGINT)
    cancelled = {"in flight": 0, "waiting": 0}
    async with TestSite(pages=PAGES, delay=1.0) as site:
        limit = asyncio.Semaphore(CONCURRENCY)
        try:
            session = aiohttp.ClientSession()
            async with session, asyncio.TaskGroup() as group:
                for n in range(PAGES):
                    url = site.page_url(n)
                    group.create_task(
                        fetch_and_record(
                            session, limit, url, output, cancelled
                        )
                    )
        except asyncio.CancelledError:
            log(f"interrupted; tasks cancelled: {cancelled}")
            raise  # so that asyncio.run() raises KeyboardInterrupt


def show(path):
    with open(path, encoding="utf-8") as file:
        records = [json.loads(line) for line in file]  # each line whole
    pages = sorted(int(r["url"].rsplit("/", 1)[1]) for r in records)
    print(f"on disk: {len(records)} results, pages {pages[0]} to {pages[-1]}")


if __name__ == "__main__":
    descriptor, path = tempfile.mkstemp(suffix=".jsonl")
    os.close(descriptor)
    interrupted = False
    try:
        with open(path, "a", encoding="utf-8") as output:
            asyncio.run(main(output))
    except KeyboardInterrupt:
        show(path)
        interrupted = True
    finally:
        os.remove(path)
    if interrupted:  # end as Ctrl-C ends a program: killed by SIGINT
        sys.stdout.flush()
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
# --8<-- [end:after-log]
