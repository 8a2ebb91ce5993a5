"""One crawler-chapter run: fetch N pages one way, print what it cost as JSON.

``python -m fieldguide.benchmark.crawl_client APPROACH N DELAY_MS PORT CONCURRENCY``

The pages are the server's HTML site (``/site/<n>``). APPROACH is
``crawler`` (the chapter's finished tool, through its command line, in this
process, given the list of URLs), ``crawler-no-titles`` (the same, with its
HTML parser made to read nothing), ``crawler-links`` (the tool crawling the
same pages by following their links from page 0), ``bare`` (one aiohttp
session and a semaphore, nothing else: the reference the tool is held to),
``per-request`` (the bare loop with a new session for every request) or
``threads`` (a pool of that many threads with ``requests``). Each run gets a
fresh interpreter. ``crawl_client parse-costs`` times html.parser and lxml
on one page of the site.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

import aiohttp

from fieldguide.benchmark.client import _check, _cpu_seconds, threads
from fieldguide.benchmark.server import site_page
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


class Terminal(io.TextIOWrapper):
    """Standard error as the tool sees it when a person runs it: a terminal,
    so that its progress bar is drawn (here into /dev/null)."""

    def __init__(self) -> None:
        # The wrapper closes the file it is given.
        super().__init__(open(os.devnull, "wb"), write_through=True)  # noqa: SIM115

    def isatty(self) -> bool:
        return True


@contextlib.contextmanager
def _crawler_job(urls: list[str], concurrency: int, follow: bool, titles: bool = True):
    """The crawler's run, ready to time; what it wrote is checked afterwards,
    outside the timing, as preparing its input is before.

    Without `titles`, the benchmark (not an option of the tool) stops the
    tool's HTML parser from reading anything: what is left is the cost of
    the rest of the tool's care. With them, the processor time the parser
    takes inside the crawl is measured, per page, as ``job.extra["feed_us"]``.
    """
    import crawl

    reading = {"nanoseconds": 0, "pages": 0}
    feed = crawl.PageReader.feed

    def timed_feed(reader, text: str) -> None:
        started = time.thread_time_ns()
        try:
            feed(reader, text)
        finally:
            reading["nanoseconds"] += time.thread_time_ns() - started
            reading["pages"] += 1

    with (
        tempfile.TemporaryDirectory() as folder,
        Terminal() as terminal,
        mock.patch.object(crawl.PageReader, "feed", timed_feed if titles else _unread),
    ):
        output = Path(folder, "results.jsonl")
        if follow:  # the first URL is the start; links lead to the rest
            argv = ["--start", urls[0], "--max-pages", str(len(urls))]
        else:
            url_file = Path(folder, "urls.txt")
            url_file.write_text("".join(f"{url}\n" for url in urls))
            argv = ["--urls", str(url_file)]
        argv += ["--output", str(output), "--concurrency", str(concurrency)]

        def job() -> None:
            with (
                contextlib.redirect_stdout(io.StringIO()),  # its summary
                contextlib.redirect_stderr(terminal),
            ):
                status = crawl.main(argv)
            if status not in (0, None):
                raise RuntimeError(f"the crawler exited with status {status}")
            if titles:
                job.extra["feed_us"] = reading["nanoseconds"] / reading["pages"] / 1000

        job.extra = {}
        yield job
        records = [json.loads(line) for line in output.read_text().splitlines()]
        # Every page fetched at the first try: nothing failed, nothing retried.
        failed = [record for record in records if record["outcome"] != "ok"]
        failed += [record for record in records if record["attempts"] != 1]
        # A title for every page, unless the parser was made to read nothing.
        failed += [record for record in records if (record["title"] is None) == titles]
        # Following links must find the very pages the list names.
        if sorted(record["url"] for record in records) != sorted(urls) or failed:
            raise RuntimeError(
                f"the crawler recorded {len(records)} of {len(urls)} URLs, "
                f"{len(failed)} not ok; first: {failed[:1]}"
            )


def _unread(reader, text: str) -> None:
    """In place of PageReader.feed: read nothing, so find no title."""


@contextlib.contextmanager
def _plain_job(runner, urls: list[str], concurrency: int):
    def job() -> None:
        runner(urls, concurrency)

    job.extra = {}
    yield job


JOBS = {
    "crawler": lambda urls, n: _crawler_job(urls, n, follow=False),
    "crawler-links": lambda urls, n: _crawler_job(urls, n, follow=True),
    "crawler-no-titles": lambda urls, n: _crawler_job(
        urls, n, follow=False, titles=False
    ),
    "bare": lambda urls, n: _plain_job(bare, urls, n),
    "per-request": lambda urls, n: _plain_job(per_request, urls, n),
    "threads": lambda urls, n: _plain_job(threads, urls, n),
}


def _system_seconds() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_stime


def parse_costs() -> dict:
    """Microseconds to read one page of the site: what html.parser costs the
    crawler (title only, as with a list of URLs; the whole page, as when
    following links), and what a parser written in C (lxml) costs instead."""
    import timeit

    import lxml.html

    sys.path.insert(0, str(CRAWLER_FOLDER))
    import crawl

    page = site_page(5, 10_000, "delay_ms=50&amp;pages=10000")
    base = "http://127.0.0.1:8000/site/5?delay_ms=50&pages=10000"

    def html_parser(links: bool) -> crawl.PageReader:
        reader = crawl.PageReader(links=links)
        with contextlib.suppress(crawl.PageReader.Done):
            reader.feed(page)
            reader.close()
        return reader

    def with_lxml() -> tuple:
        document = lxml.html.document_fromstring(page)
        links = [a.get("href") for a in document.iter("a")]
        return document.findtext(".//title"), links

    # All three must find what the crawler needs, or the timing means nothing.
    title, links = with_lxml()
    if not (
        html_parser(links=False).title == title == "Page 5 of 10000"
        and html_parser(links=True).links == links
        and links
        and len(crawl.same_host_links(base, links, "127.0.0.1:8000")) == len(links)
    ):
        raise RuntimeError("html.parser and lxml disagree on the page")

    def microseconds(function) -> float:
        times = timeit.repeat(function, number=1000, repeat=7)
        return sorted(times)[len(times) // 2] * 1000  # the median, per page, in µs

    return {
        "page_bytes": len(page.encode()),
        "page_links": len(links),
        "html_parser_title_us": microseconds(lambda: html_parser(links=False)),
        "html_parser_whole_us": microseconds(lambda: html_parser(links=True)),
        "lxml_whole_us": microseconds(with_lxml),
        # What following links adds after parsing: resolving and checking them.
        "links_resolve_us": microseconds(
            lambda: crawl.same_host_links(base, links, "127.0.0.1:8000")
        ),
        "lxml_version": lxml.__version__,
    }


def run(approach: str, requests_: int, delay_ms: int, port: int, concurrency: int):
    urls = [
        f"http://127.0.0.1:{port}/site/{number}?delay_ms={delay_ms}&pages={requests_}"
        for number in range(requests_)
    ]
    if approach.startswith("crawler"):  # the chapter's tool, as a reader runs it
        sys.path.insert(0, str(CRAWLER_FOLDER))
    with JOBS[approach](urls, concurrency) as job:
        cpu_before = _cpu_seconds()
        system_before = _system_seconds()
        start = time.perf_counter()
        job()
        seconds = time.perf_counter() - start
        cost = {
            "seconds": seconds,
            "cpu_seconds": _cpu_seconds() - cpu_before,
            # The part of it the kernel spent on our behalf (system time).
            "system_seconds": _system_seconds() - system_before,
            "peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            **job.extra,
        }
    return cost


def main(argv: list[str]) -> None:
    usage = "usage: crawl_client APPROACH N DELAY_MS PORT CONCURRENCY"
    if argv == ["parse-costs"]:
        print(json.dumps(parse_costs()))
        return
    if len(argv) != 5 or argv[0] not in JOBS or not all(a.isdigit() for a in argv[1:]):
        sys.exit(
            f"{usage} (or: crawl_client parse-costs); "
            f"APPROACH is one of {', '.join(JOBS)}; got {argv}"
        )
    approach, *numbers = argv
    print(json.dumps(run(approach, *map(int, numbers))))


if __name__ == "__main__":
    main(sys.argv[1:])
