"""One crawler-chapter run: fetch N pages one way, print what it cost as JSON.

``python -m fieldguide.benchmark.crawl_client APPROACH N DELAY_MS PORT CONCURRENCY``

APPROACH is ``crawler`` (the chapter's finished tool, through its command
line, in this process), ``bare`` (one aiohttp session and a semaphore, nothing
else: the reference the tool is held to), ``per-request`` (the bare loop with
a new session for every request) or ``threads`` (a pool of that many threads
with ``requests``). Each run gets a fresh interpreter.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

from fieldguide.benchmark.client import _check, _cpu_seconds, threads
from fieldguide.examples import EXAMPLES

CRAWLER_FOLDER = EXAMPLES / "case-study-crawler"


def bare(urls: list[str], concurrency: int) -> None:
    async def run() -> None:
        limit = asyncio.Semaphore(concurrency)
        connector = aiohttp.TCPConnector(limit=concurrency)
        async with aiohttp.ClientSession(connector=connector) as session:

            async def fetch(url: str) -> None:
                async with limit, session.get(url) as response:
                    _check(response.status, await response.read(), url)

            await asyncio.gather(*(fetch(url) for url in urls))

    asyncio.run(run())


def per_request(urls: list[str], concurrency: int) -> None:
    """The bare loop with the common mistake: a new session for every request."""

    async def run() -> None:
        limit = asyncio.Semaphore(concurrency)

        async def fetch(url: str) -> None:
            async with (
                limit,
                aiohttp.ClientSession() as session,
                session.get(url) as response,
            ):
                _check(response.status, await response.read(), url)

        await asyncio.gather(*(fetch(url) for url in urls))

    asyncio.run(run())


def crawler(urls: list[str], concurrency: int) -> None:
    sys.path.insert(0, str(CRAWLER_FOLDER))
    import crawl  # the chapter's tool, as a reader would run it

    with tempfile.TemporaryDirectory() as folder:
        url_file = Path(folder, "urls.txt")
        url_file.write_text("".join(f"{url}\n" for url in urls))
        output = Path(folder, "results.jsonl")
        argv = ["--urls", str(url_file), "--output", str(output)]
        argv += ["--concurrency", str(concurrency)]
        with contextlib.redirect_stdout(io.StringIO()):  # its summary
            status = crawl.main(argv)
        if status not in (0, None):
            raise RuntimeError(f"the crawler exited with status {status}")
        lines = output.read_text().splitlines()
        failed = [line for line in lines if '"outcome": "ok"' not in line]
        if len(lines) != len(urls) or failed:
            raise RuntimeError(
                f"the crawler recorded {len(lines)} of {len(urls)} URLs, "
                f"{len(failed)} not ok; first: {failed[:1]}"
            )


RUNNERS = {
    "crawler": crawler,
    "bare": bare,
    "per-request": per_request,
    "threads": threads,
}


def run(approach: str, requests_: int, delay_ms: int, port: int, concurrency: int):
    urls = [
        f"http://127.0.0.1:{port}/page/{number}?delay_ms={delay_ms}"
        for number in range(requests_)
    ]
    cpu_before = _cpu_seconds()
    start = time.perf_counter()
    RUNNERS[approach](urls, concurrency)
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "cpu_seconds": _cpu_seconds() - cpu_before,
        "peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }


def main(argv: list[str]) -> None:
    usage = "usage: crawl_client APPROACH N DELAY_MS PORT CONCURRENCY"
    if (
        len(argv) != 5
        or argv[0] not in RUNNERS
        or not all(a.isdigit() for a in argv[1:])
    ):
        sys.exit(f"{usage}; APPROACH is one of {', '.join(RUNNERS)}; got {argv}")
    approach, *numbers = argv
    print(json.dumps(run(approach, *map(int, numbers))))


if __name__ == "__main__":
    main(sys.argv[1:])
