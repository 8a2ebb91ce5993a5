"""One benchmark run: fetch N pages one of four ways, print what it cost as JSON.

``python -m fieldguide.benchmark.client APPROACH N DELAY_MS PORT CONCURRENCY``

Each run gets a fresh interpreter, so one approach's leftovers (threads,
pools, sockets, warmed caches) cannot help or hurt the next.
"""

from __future__ import annotations

import asyncio
import json
import resource
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import aiohttp
import requests

from fieldguide.benchmark.server import BODY


def _check(status: int, body: bytes, url: str) -> None:
    # BODY from /page, an HTML page from /site (the crawler chapter's)
    if status != 200 or not (body == BODY or body.startswith(b"<!DOCTYPE html>")):
        raise RuntimeError(f"{url} answered {status} with {len(body)} bytes")


def sequential(urls: list[str], concurrency: int) -> None:
    with requests.Session() as session:
        for url in urls:
            response = session.get(url)
            _check(response.status_code, response.content, url)


def threads(urls: list[str], concurrency: int) -> None:
    # One session per thread: a requests.Session is not meant to be shared.
    local = threading.local()
    sessions = []

    def fetch(url: str) -> None:
        if not hasattr(local, "session"):
            local.session = requests.Session()
            sessions.append(local.session)
        response = local.session.get(url)
        _check(response.status_code, response.content, url)

    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(fetch, urls))
    for session in sessions:
        session.close()


_worker_session: requests.Session | None = None


def _start_worker() -> None:
    global _worker_session
    _worker_session = requests.Session()


def _fetch_in_worker(url: str) -> None:
    assert _worker_session is not None
    response = _worker_session.get(url)
    _check(response.status_code, response.content, url)


def processes(urls: list[str], concurrency: int) -> None:
    # Small chunks keep every worker busy to the end; one URL per message
    # would spend more on pickling than on fetching.
    chunk = max(1, len(urls) // (concurrency * 8))
    with ProcessPoolExecutor(concurrency, initializer=_start_worker) as pool:
        list(pool.map(_fetch_in_worker, urls, chunksize=chunk))


def asyncio_(urls: list[str], concurrency: int) -> None:
    async def run() -> None:
        connector = aiohttp.TCPConnector(limit=concurrency)
        async with aiohttp.ClientSession(connector=connector) as session:

            async def fetch(url: str) -> None:
                async with session.get(url) as response:
                    _check(response.status, await response.read(), url)

            await asyncio.gather(*(fetch(url) for url in urls))

    asyncio.run(run())


RUNNERS = {
    "sequential": sequential,
    "threads": threads,
    "processes": processes,
    "asyncio": asyncio_,
}


def _cpu_seconds() -> float:
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


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
        # Linux reports ru_maxrss in KiB; for children it is the largest one.
        "peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "largest_child_rss_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    }


def main(argv: list[str]) -> None:
    usage = "usage: client APPROACH N DELAY_MS PORT CONCURRENCY"
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
