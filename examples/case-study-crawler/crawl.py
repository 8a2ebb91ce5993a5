# /// script
# requires-python = ">=3.11"
# dependencies = ["aiohttp>=3.12,<4", "tqdm>=4.66,<5"]
# [tool.fieldguide]
# skip = "a command-line tool: crawl_the_test_site.py shows it running"
# ///
"""Fetch many URLs, or crawl one site, politely; results go to JSON lines.

    python crawl.py --urls urls.txt --output results.jsonl
    python crawl.py --start http://127.0.0.1:8080/ --output results.jsonl

Run it again with the same output file and it carries on where it stopped.
``python crawl.py --help`` lists the options.
"""

import argparse
import asyncio
import collections
import dataclasses
import datetime
import email.utils
import html.parser
import json
import math
import os
import random
import signal
import sys
import urllib.parse

import aiohttp
from tqdm import tqdm

# --8<-- [start:records]
KEYS = ("url", "outcome", "status", "reason", "attempts", "title", "seconds")
START = b'{"url": '  # how every record's line begins


class CrawlError(Exception):
    """Bad input: the message is the one line the user sees."""


def read_records(path):
    """The records already in an output file, and how many bytes to keep.

    A crash while a line was being written leaves the start of a record
    with no newline after it: that torn line is left out, and the caller
    cuts it off before appending. Anything else that is not a record means
    the file is not ours, and it is refused rather than touched.
    """
    try:
        with open(path, "rb") as file:
            data = file.read()
    except FileNotFoundError:
        return [], 0
    except OSError as error:
        raise CrawlError(f"cannot read {path}: {error.strerror}") from None
    *lines, tail = data.split(b"\n")  # tail: b"" or a line with no end
    if tail:
        lines.append(tail)  # checked like the rest, with one allowance
    records = []
    keep = 0  # bytes of good lines so far
    for number, line in enumerate(lines, start=1):
        torn = tail and number == len(lines)  # no newline after it
        try:
            record = json.loads(line)
        except ValueError:  # bad JSON or bad UTF-8
            if torn and (line.startswith(START) or START.startswith(line)):
                break  # the start of a record, cut short: left out
            raise CrawlError(
                f"{path} line {number} is not JSON; is it crawl.py's output?"
            ) from None
        if not (
            isinstance(record, dict)
            and all(key in record for key in KEYS)
            and isinstance(record["url"], str)
        ):
            raise CrawlError(
                f"{path} line {number} is not a crawl.py record"
                f" (it needs the keys {', '.join(KEYS)})"
            )
        if torn:  # a whole record, but its newline never made it
            break  # left out too: the URL is fetched again
        records.append(record)
        keep += len(line) + 1
    return records, keep


def write_record(file, result):
    """Append one result as one line, and hand it to the OS at once.

    The record starts with its "url" key, as read_records() expects.
    """
    file.write(json.dumps(result, ensure_ascii=False) + "\n")
    file.flush()  # finished work survives a crash or a Ctrl-C


# --8<-- [end:records]


def open_for_append(path, keep):
    """The output file, open to append to after its first `keep` bytes."""
    try:
        file = open(path, "a", encoding="utf-8")  # noqa: SIM115
    except OSError as error:
        raise CrawlError(f"cannot write {path}: {error.strerror}") from None
    file.truncate(keep)  # cut off a torn last line, if there is one
    return file


def check_url(text):
    """`text` if it is an absolute http(s) URL, else a ValueError."""
    parts = urllib.parse.urlsplit(text)  # may raise ValueError itself
    parts.port  # raises ValueError for a port out of range  # noqa: B018
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http:// or https:// URL: {text!r}")
    return text


def read_urls(path):
    """The URLs listed in a file, in order, each once; checked."""
    try:
        with open(path, encoding="utf-8") as file:
            lines = file.read().splitlines()
    except OSError as error:
        raise CrawlError(f"cannot read {path}: {error.strerror}") from None
    except UnicodeDecodeError:
        raise CrawlError(f"{path} is not UTF-8 text") from None
    urls = {}  # a dict keeps the first of each, in order
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if line and not line.startswith("#"):
            try:
                urls[check_url(line)] = None
            except ValueError as error:
                raise CrawlError(f"{path} line {number}: {error}") from None
    return list(urls)


# --8<-- [start:options]
@dataclasses.dataclass(frozen=True)
class Options:
    concurrency: int = 10  # requests in flight at most
    rate: float = 0.0  # requests started per second at most; 0: no limit
    timeout: float = 10.0  # seconds for one request, body included
    total_timeout: float = 0.0  # seconds for the whole crawl; 0: none
    retries: int = 3  # further attempts after a failure worth retrying
    max_pages: int | None = None  # records in the output file at most
    backoff: float = 0.5  # seconds: the first retry waits up to this
    seed: int | None = None  # for the jitter; None: different every run


@dataclasses.dataclass
class Summary:
    """What a crawl did; filled in as it goes, so it is there if stopped."""

    outcomes: collections.Counter = dataclasses.field(
        default_factory=collections.Counter
    )
    reasons: collections.Counter = dataclasses.field(
        default_factory=collections.Counter
    )  # why URLs failed
    already_recorded: int = 0  # by an earlier run, so not fetched again
    requests: int = 0
    retries: int = 0
    seconds: float = 0.0
    stopped: str | None = None  # why it ended before the end, if it did

    def report(self, timing=True):
        lines = [f"ok        {self.outcomes['ok']:6}"]
        lines.append(f"failed    {self.outcomes['failed']:6}")
        for reason, count in sorted(self.reasons.items()):
            lines.append(f"  {count:6}  {reason}")
        lines.append(
            f"skipped   {self.already_recorded:6}  (already recorded)"
        )
        line = f"requests  {self.requests:6}  ({self.retries} retries)"
        if timing:
            rate = self.requests / self.seconds if self.seconds else 0.0
            line += f" in {self.seconds:.1f} s, {rate:.1f} per second"
        lines.append(line)
        if self.stopped:
            lines.append(f"stopped early: {self.stopped}")
        return "\n".join(lines)


# --8<-- [end:options]


# --8<-- [start:limits]
class TokenBucket:
    """Lets requests start at `rate` per second, one at a time.

    The bucket holds at most one token, so requests never bunch up: they
    start at least 1/rate seconds apart, which no window of a second can
    see as more than `rate`.
    """

    def __init__(self, rate):
        self.rate = rate
        self.tokens = 1.0
        self.updated = None
        self.lock = asyncio.Lock()  # waiters take their turns in order

    async def take(self):
        async with self.lock:
            loop = asyncio.get_running_loop()
            now = loop.time()
            if self.updated is not None:
                earned = (now - self.updated) * self.rate
                self.tokens = min(1.0, self.tokens + earned)
            self.updated = now
            if self.tokens < 1.0:
                # After this sleep the token has come in, whatever the last
                # digits of the clock say.
                await asyncio.sleep((1.0 - self.tokens) / self.rate)
                self.tokens, self.updated = 1.0, loop.time()
            self.tokens -= 1.0


LONGEST_WAIT = 60.0  # seconds: the most a retry waits, whoever asks


def retry_after(value):
    """Seconds to wait from a Retry-After header (seconds or a date).

    None if there is no header or it is neither of the two forms.
    """
    if value is None:
        return None
    if value.isascii() and value.isdigit():  # RFC 9110: digits, nothing else
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None  # unreadable: back off as if it were not there
    if when.tzinfo is None:  # "-0000" in the date: UTC, by RFC 5322
        when = when.replace(tzinfo=datetime.UTC)
    now = datetime.datetime.now(datetime.UTC)
    return max(0.0, (when - now).total_seconds())


# --8<-- [end:limits]


class PageReader(html.parser.HTMLParser):
    """Collects a page's first <title> and, if `links`, the targets of its
    <a href> links; without links it stops reading at that title's end."""

    class Done(Exception):
        """The title is all that was wanted: stop reading."""

    def __init__(self, links=True):
        super().__init__()
        self.title = None
        self.links = []
        self._want_links = links
        self._in_title = False
        self._title_seen = (
            False  # an SVG icon's <title> later is not the page's
        )

    def handle_starttag(self, tag, attrs):
        if tag == "a" and self._want_links:
            self.links.extend(value for name, value in attrs if name == "href")
        self._in_title = tag == "title" and not self._title_seen
        self._title_seen = self._title_seen or self._in_title

    def handle_endtag(self, tag):
        self._in_title = False
        if tag == "title" and self._title_seen and not self._want_links:
            raise PageReader.Done  # parsing the rest would cost, for nothing

    def handle_data(self, data):
        if self._in_title:
            self.title = (self.title or "") + data


# --8<-- [start:fetch]
# Too many requests, and a server's trouble that passes; 501 Not Implemented
# or 505 HTTP Version Not Supported, like any 4xx, would answer the same again.
COME_BACK_LATER = {429, 500, 502, 503, 504}
TLS_FAILED = (aiohttp.ClientSSLError, aiohttp.ServerFingerprintMismatch)
CUT_OFF = (aiohttp.ClientConnectionError, aiohttp.ClientPayloadError)


class Crawler:
    def __init__(self, session, options, summary, *, links=True):
        self.session = session
        self.links = links  # whether to read the links of each page
        self.options = options
        self.summary = summary
        self.limit = TokenBucket(options.rate) if options.rate else None
        self.random = random.Random(options.seed)

    async def fetch(self, url):
        """(record, address, hrefs) for `url`, after as many attempts as it
        takes: the address is where the page was found, after redirects."""
        loop = asyncio.get_running_loop()
        started = loop.time()
        attempts = 0
        while True:
            attempts += 1
            status, reason, page, wait = await self.attempt(url)
            if wait is None or attempts > self.options.retries:
                break
            if wait > LONGEST_WAIT:  # a retry that far off is no retry
                reason = f"the server asked to wait {wait:.0f} s, too long"
                break
            if wait == 0:  # no Retry-After: back off, with full jitter
                ceiling = self.options.backoff * 2 ** (attempts - 1)
                wait = self.random.uniform(0, min(ceiling, LONGEST_WAIT))
            self.summary.retries += 1
            await asyncio.sleep(wait)
        reader = PageReader(links=self.links)
        if page is not None and "html" in page.content_type:
            try:
                reader.feed(page.text)
                reader.close()
            except PageReader.Done:
                pass
            except Exception as error:  # html.parser gives up on some pages
                reason = f"could not parse the page ({type(error).__name__})"
                reader = PageReader()  # no title, no links
        record = {
            "url": url,
            "outcome": "failed" if reason else "ok",
            "status": status,
            "reason": reason,
            "attempts": attempts,
            "title": reader.title,
            "seconds": round(loop.time() - started, 3),
        }
        # Relative links are relative to where the page really is, which a
        # redirect may have changed.
        return record, url if page is None else page.url, reader.links

    async def attempt(self, url):
        """Ask once: (status, reason, page, wait).

        `reason` says why it failed (None if it did not); `wait` is None if
        asking again is pointless, else the seconds the server asked us to
        wait (0 if it did not say).
        """
        if self.limit:
            await self.limit.take()
        self.summary.requests += 1
        try:
            async with self.session.get(url) as response:
                status = response.status
                reason = f"HTTP {status} {response.reason}"
                if status in COME_BACK_LATER:
                    header = response.headers.get("Retry-After")
                    return status, reason, None, retry_after(header) or 0
                if status >= 400:  # asking again gets the same answer
                    return status, reason, None, None
                body = await response.read()
                charset = response.charset or "utf-8"
                where, content_type = str(response.url), response.content_type
        except OffSite as error:
            return None, f"redirected off the site to {error}", None, None
        except aiohttp.TooManyRedirects as error:
            last = error.history[-1].status  # the last of the redirects
            return last, "too many redirects", None, None
        except TimeoutError:
            reason = f"no answer within {self.options.timeout:g} s"
            return None, reason, None, 0
        except aiohttp.RedirectClientError as error:
            return None, f"redirected to {error}, not a web page", None, None
        except aiohttp.InvalidURL as error:
            return None, f"not a URL it can request: {error}", None, None
        except aiohttp.ClientConnectorDNSError:
            return None, "no such host (DNS)", None, None
        except TLS_FAILED as error:  # the same certificate next time
            return None, f"TLS failed ({type(error).__name__})", None, None
        except CUT_OFF as error:  # a network hiccup, or a server restarting
            return None, f"connection failed ({type(error).__name__})", None, 0
        except aiohttp.ClientError as error:  # nothing a retry would change
            return None, f"request failed ({type(error).__name__})", None, None
        if not (content_type.startswith("text/") or "html" in content_type):
            # An image, a PDF: fetched, and that is all there is to do.
            return status, None, Page(where, content_type, None), None
        try:
            page = Page(where, content_type, body.decode(charset))
        except (LookupError, UnicodeDecodeError):  # a broken page, for good
            return status, f"body is not {charset} text", None, None
        return status, None, page, None


# --8<-- [end:fetch]


Page = collections.namedtuple("Page", "url content_type text")


class OffSite(Exception):
    """A redirect led off the host being crawled (the URL it led to)."""


def stay_on(start):
    """An aiohttp client middleware that refuses, before it is made, any
    request (a redirect's, say) to a host other than that of `start`."""
    start = urllib.parse.urlsplit(start)
    host = start.hostname, start.port  # as links are compared: any scheme

    async def middleware(request, handler):
        if (request.url.host, request.url.explicit_port) != host:
            raise OffSite(str(request.url))
        return await handler(request)

    return middleware


def normalise(url):
    """`url` without its #fragment, and with "/" for an empty path."""
    return _normalised(urllib.parse.urlsplit(url))


def _normalised(parts):
    return parts._replace(path=parts.path or "/", fragment="").geturl()


def same_host_links(base, hrefs, host):
    """The http(s) URLs that `hrefs` on page `base` lead to on `host`, each
    once, in order, without their #fragments."""
    kept = {}
    for href in hrefs:
        try:
            parts = urllib.parse.urlsplit(urllib.parse.urljoin(base, href))
        except ValueError:
            continue  # a link too broken to follow
        if parts.scheme in ("http", "https") and parts.netloc == host:
            kept[_normalised(parts)] = None
    return list(kept)


# --8<-- [start:crawl]
async def crawl(urls_or_start, options, output, *, summary=None):
    """Fetch a list of URLs, or crawl from a start URL (a str) within its
    host, breadth first; append a record per URL to the file `output`.

    URLs the file already records are skipped. `summary` (made if not
    given) is updated as results come in, so a caller that is cancelled
    still has it.
    """
    summary = Summary() if summary is None else summary
    loop = asyncio.get_running_loop()
    started = loop.time()
    follow = isinstance(urls_or_start, str)
    records, keep = read_records(output)
    recorded = {record["url"] for record in records}
    if follow:
        urls_or_start = normalise(urls_or_start)  # as links are
        host = urllib.parse.urlsplit(urls_or_start).netloc
        seen = {urls_or_start} | recorded  # every URL queued or recorded
        todo = [] if urls_or_start in recorded else [urls_or_start]
        for record in records:  # links found before but not yet fetched
            for link in record.get("links", []):
                if link not in seen:
                    seen.add(link)
                    todo.append(link)
        summary.already_recorded = len(recorded)
    else:
        urls = list(dict.fromkeys(urls_or_start))  # each URL once
        todo = [url for url in urls if url not in recorded]
        summary.already_recorded = len(urls) - len(todo)
    budget = math.inf  # how many more URLs may be queued
    if options.max_pages is not None:
        budget = max(0, options.max_pages - len(recorded))
    todo = todo[: min(len(todo), budget)]  # budget may be math.inf
    budget -= len(todo)
    queue = asyncio.Queue()
    for url in todo:
        queue.put_nowait(url)

    shown = None  # the counts the progress bar shows

    async def work(crawler, file, bar):
        nonlocal budget, shown
        while True:
            url = await queue.get()
            try:
                try:
                    record, where, hrefs = await crawler.fetch(url)
                except Exception as error:  # a bug: one URL fails, not all
                    reason = f"crawl.py failed on it ({type(error).__name__})"
                    record = dict.fromkeys(KEYS, None) | {"url": url}
                    record |= {"outcome": "failed", "reason": reason}
                    where, hrefs = url, []
                if follow:
                    links = same_host_links(where, hrefs, host)
                    record["links"] = links
                    for link in links:
                        if link not in seen and budget > 0:
                            seen.add(link)
                            queue.put_nowait(link)
                            budget -= 1
                            bar.total += 1
                write_record(file, record)
                summary.outcomes[record["outcome"]] += 1
                if record["reason"]:
                    summary.reasons[record["reason"]] += 1
                counts = summary.outcomes["failed"], summary.retries
                if counts != shown:  # formatting the text takes a while
                    shown = counts
                    failed, retried = counts
                    bar.set_postfix(failed=failed, retried=retried)
                bar.update(1)
            finally:
                queue.task_done()

    file = open_for_append(output, keep)
    timeout = aiohttp.ClientTimeout(total=options.timeout)
    try:
        with (
            file,
            # Drawn on standard error only if it is a terminal.
            tqdm(total=len(todo), unit="URL", disable=None) as bar,
        ):
            async with (
                asyncio.timeout(options.total_timeout or None),
                aiohttp.ClientSession(
                    connector=aiohttp.TCPConnector(limit=options.concurrency),
                    timeout=timeout,
                    # Redirects, too, stay on the host being crawled.
                    middlewares=[stay_on(urls_or_start)] if follow else [],
                ) as session,
                asyncio.TaskGroup() as group,
            ):
                crawler = Crawler(session, options, summary, links=follow)
                workers = [
                    group.create_task(work(crawler, file, bar))
                    for _ in range(options.concurrency)
                ]
                await queue.join()  # every URL queued has been recorded
                for worker in workers:
                    worker.cancel()
    except TimeoutError:
        summary.stopped = (
            f"the total timeout of {options.total_timeout:g} s;"
            " run again to go on"
        )
    finally:
        summary.seconds = loop.time() - started
    return summary


# --8<-- [end:crawl]


# --8<-- [start:main]
class Parser(argparse.ArgumentParser):
    def error(self, message):
        # One line, not argparse's usage text first.
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def at_least(kind, low):
    """An argparse type: a number of `kind` that is `low` or more."""

    def convert(text):
        try:
            value = kind(text)
        except ValueError:
            value = None
        if value is None or not low <= value < math.inf:  # "not" refuses NaN
            noun = "whole number" if kind is int else "number"
            raise argparse.ArgumentTypeError(
                f"needs a {noun} of {low:g} or more, not {text!r}"
            )
        return value

    return convert


def http_url(text):
    try:
        return check_url(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def parse_arguments(argv):
    parser = Parser(
        prog="crawl.py",
        description="Fetch URLs, or crawl a site, into a JSON-lines file."
        " Run again with the same output file to resume.",
        epilog="Exit status: 0 when done, 1 for bad input or a total"
        " timeout, 2 for bad arguments; Ctrl-C ends it by SIGINT.",
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "--urls", metavar="FILE", help="a file of URLs, one per line"
    )
    source.add_argument(
        "--start",
        metavar="URL",
        type=http_url,
        help="follow links from this page, breadth first, on its host only",
    )
    parser.add_argument(
        "--output", required=True, metavar="FILE", help="JSON lines, appended"
    )
    for flag, kind, low, default, metavar, text in [
        ("--concurrency", int, 1, 10, "N", "requests in flight at most"),
        ("--rate", float, 0, 0, "R", "requests a second at most; 0: no limit"),
        ("--timeout", float, 0.001, 10, "S", "seconds for each request"),
        ("--total-timeout", float, 0, 0, "S", "seconds for the run; 0: none"),
        ("--retries", int, 0, 3, "N", "more tries after a failure"),
    ]:
        parser.add_argument(
            flag,
            type=at_least(kind, low),
            default=default,
            metavar=metavar,
            help=f"{metavar} {text} (default {default})",
        )
    parser.add_argument(
        "--max-pages",
        type=at_least(int, 1),
        metavar="N",
        help="record N URLs at most, counting those from earlier runs",
    )
    return parser.parse_args(argv)


def main(argv=None):
    """Run the command line; return the exit status."""
    args = parse_arguments(argv)
    options = Options(
        concurrency=args.concurrency,
        rate=args.rate,
        timeout=args.timeout,
        total_timeout=args.total_timeout,
        retries=args.retries,
        max_pages=args.max_pages,
    )
    summary = Summary()
    try:
        job = args.start or read_urls(args.urls)
        asyncio.run(crawl(job, options, args.output, summary=summary))
    except CrawlError as error:
        print(f"crawl.py: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        # asyncio.run() cancelled the crawl, which stopped cleanly: every
        # result it finished is in the file, and nothing half-done is.
        summary.stopped = "Ctrl-C; run again to go on"
        print(summary.report(), flush=True)
        # End as Python does on an unhandled Ctrl-C, killed by SIGINT, so
        # that a shell script running us stops too.
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
        return 130  # where SIGINT does not end a process (Windows)
    print(summary.report())
    return 1 if summary.stopped else 0


# --8<-- [end:main]


if __name__ == "__main__":
    sys.exit(main())
