"""Each result goes to a JSON-lines file, flushed, the moment it is known."""

import asyncio
import json
import os
import re
import tempfile
import time
from urllib.parse import urlsplit

import aiohttp
from site_with_faults import Faults, TestSite

PAGES = 12
CONCURRENCY = 4


def title_of(html):
    found = re.search(r"<title>(.*?)</title>", html)
    return found and found.group(1)


async def fetch(session, limit, url):
    """A record of what happened to url, as a dict."""
    async with limit:
        start = time.perf_counter()
        async with session.get(url) as response:
            html = await response.text()
        ok = response.status == 200
        return {
            "url": url,
            "outcome": "ok" if ok else "failed",
            "status": response.status,
            "title": title_of(html) if ok else None,
            "seconds": round(time.perf_counter() - start, 1),
        }


# --8<-- [start:write]
async def fetch_and_record(session, limit, url, output, path, counts):
    record = await fetch(session, limit, url)
    # One whole line per write, and flushed at once: a crash later loses
    # nothing written here. Tasks cannot interleave inside this line, as
    # nothing in it awaits.
    output.write(json.dumps(record) + "\n")
    output.flush()
    counts["written"] += 1
    written, lines = counts["written"], count_lines(path)
    if written % 4 == 0:
        print(f"{written} results written; the file holds {lines} lines")


def count_lines(path):
    """Lines in the file, read afresh, as another program would see it."""
    with open(path, encoding="utf-8") as file:
        return sum(1 for _ in file)


async def main(output, path):
    faults = Faults(error_500=0.2)
    async with TestSite(pages=PAGES, delay=0.2, faults=faults) as site:
        limit = asyncio.Semaphore(CONCURRENCY)
        counts = {"written": 0}  # results written, counted as they go
        async with aiohttp.ClientSession() as session:
            await asyncio.gather(
                *(
                    fetch_and_record(
                        session, limit, site.page_url(n), output, path, counts
                    )
                    for n in range(PAGES)
                )
            )


def show(path):
    print("the file, sorted by page (it holds them as they came):")
    with open(path, encoding="utf-8") as file:
        records = [json.loads(line) for line in file]
    for record in records:
        # The port changes from run to run: keep the path alone.
        record["url"] = urlsplit(record["url"]).path
    for record in sorted(records, key=page_number):
        print(json.dumps(record))


def page_number(record):
    return int(record["url"].removeprefix("/page/"))


if __name__ == "__main__":
    descriptor, path = tempfile.mkstemp(suffix=".jsonl")
    os.close(descriptor)
    try:
        # Open once, to append: each write adds to the end of the file.
        with open(path, "a", encoding="utf-8") as output:
            asyncio.run(main(output, path))
        show(path)
    finally:
        os.remove(path)
# --8<-- [end:write]
