"""A web site for testing crawlers: slow, failing, and the same every run.

Run it as a server with ``python site_with_faults.py --serve``, or import
``TestSite`` and ``Faults`` from it. Without ``--serve`` it starts the
site, fetches one page of each kind with aiohttp and shows what a client
sees.
"""

import argparse
import asyncio
import collections
import contextlib
import dataclasses
import math
import os
import random
import re
import signal
import stat
import sys
import threading

import aiohttp
from aiohttp import web


# --8<-- [start:faults]
@dataclasses.dataclass(frozen=True)
class Faults:
    """How often each kind of fault happens: a rate from 0 to 1 each."""

    slow: float = 0.0  # answers after slow_delay instead of delay
    error_500: float = 0.0  # 500 Internal Server Error
    rate_limited: float = 0.0  # 429 Too Many Requests, with Retry-After
    unavailable: float = 0.0  # 503 Service Unavailable, with Retry-After
    dropped: float = 0.0  # the connection closes halfway through the body
    truncated: float = 0.0  # a whole 200 response, but half a page
    malformed: float = 0.0  # a 200 response whose body is not UTF-8
    redirect: float = 0.0  # 302 to a page that then answers normally
    redirect_loop: float = 0.0  # 302 to two URLs that redirect to each other

    def __post_init__(self):
        for name, rate in self.rates().items():
            # "not (0 <= rate <= 1)" also refuses NaN.
            if not 0 <= rate <= 1:
                raise ValueError(
                    f"the rate of {name} must be from 0 to 1, not {rate}"
                )
        total = sum(self.rates().values())
        if total > 1 + 1e-9:  # allow for rounding, as in 0.1 * 10
            raise ValueError(
                f"the fault rates add up to {total:g}; at most 1 is allowed"
            )

    def rates(self):
        """The rate of each kind of fault, by name, in a fixed order."""
        return {field.name: getattr(self, field.name) for field in FIELDS}

    @classmethod
    def parse(cls, specs):
        """Faults from strings such as "error_500=0.1" (the others are 0)."""
        rates = {}
        for spec in specs:
            name, equals, rate = spec.partition("=")
            name = name.strip()
            if not equals:
                raise ValueError(f"{spec!r} is not NAME=RATE")
            if name not in FAULT_NAMES:
                raise ValueError(
                    f"unknown fault {name!r}; the faults are "
                    + ", ".join(FAULT_NAMES)
                )
            if name in rates:
                raise ValueError(f"{name} is given twice")
            try:
                rates[name] = float(rate)
            except ValueError:
                raise ValueError(
                    f"the rate of {name} is not a number: {rate!r}"
                ) from None
        return cls(**rates)


FIELDS = dataclasses.fields(Faults)
FAULT_NAMES = tuple(field.name for field in FIELDS)
# --8<-- [end:faults]


# --8<-- [start:stats]
@dataclasses.dataclass
class Stats:
    """What the site has served, counted as it happens."""

    requests: int = 0  # every request received, whatever its path
    in_flight: int = 0  # requests being answered now
    max_in_flight: int = 0  # the most ever answered at once
    # One outcome per request: "ok", a fault's name, "moved" (where a
    # redirect leads), "looped" (a step in a redirect loop), "not_found"
    # or "not_allowed" (a method other than GET or HEAD).
    outcomes: collections.Counter = dataclasses.field(
        default_factory=collections.Counter
    )
    paths: collections.Counter = dataclasses.field(
        default_factory=collections.Counter
    )  # requests per path, such as "/page/7"
    arrivals: list = dataclasses.field(default_factory=list)  # loop.time()

    def max_per_second(self, window=1.0):
        """The most requests that arrived within any `window` seconds."""
        times = sorted(self.arrivals)
        most = first = 0
        for last, arrival in enumerate(times):
            # Half-open windows: requests exactly `window` apart are not in
            # the same one (less a nanosecond, for the clock's rounding).
            while arrival - times[first] >= window - 1e-9:
                first += 1
            most = max(most, last - first + 1)
        return most

    def report(self):
        """A few lines saying what was served."""
        lines = [
            f"served {self.requests} requests,"
            f" at most {self.max_in_flight} at once",
            "outcomes:",
        ]
        for name, count in sorted(self.outcomes.items()):
            if len(lines[-1]) > 60:  # keep the lines short
                lines.append(" ")
            lines[-1] += f" {name} {count},"
        if not self.outcomes:
            lines[-1] += " none"
        lines[-1] = lines[-1].rstrip(",")
        return "\n".join(lines)


# --8<-- [end:stats]


class TestSite:
    """A site of numbered pages that links them together and misbehaves.

    Whether the k-th request for page n gets a fault, and which, depends
    only on (seed, n, k): every run serves the same faults in the same
    places, and asking again for a page may well succeed.
    """

    def __init__(
        self,
        pages=100,
        delay=0.05,
        faults=Faults(),
        seed=0,
        links=3,
        slow_delay=2.0,
        retry_after=1,
        external_links=True,
    ):
        if pages < 1:
            raise ValueError(f"a site needs at least 1 page, not {pages}")
        if links < 1:
            raise ValueError(f"each page needs at least 1 link, not {links}")
        for name, seconds in [
            ("delay", delay),
            ("slow_delay", slow_delay),
            ("retry_after", retry_after),
        ]:
            if not 0 <= seconds < math.inf:
                raise ValueError(f"{name} must be 0 or more, not {seconds}")
        self.pages = pages
        self.delay = delay
        self.faults = faults
        self.seed = seed
        self.links = links
        self.slow_delay = slow_delay
        self.retry_after = retry_after
        self.external_links = external_links
        self.stats = Stats()
        self._attempts = collections.Counter()  # requests per page so far
        self._runner = None
        self._url = None

    # --8<-- [start:plan]
    def plan(self, n, attempt):
        """What the `attempt`-th request (1, 2, ...) for page n gets.

        "ok" or the name of a fault: a pure function of seed, n and attempt.
        """
        draw = random.Random(f"{self.seed}:{n}:{attempt}").random()
        below = 0.0
        for name, rate in self.faults.rates().items():
            below += rate
            if draw < below:
                return name
        return "ok"

    def links_from(self, n):
        """The pages that page n links to, always including the next one."""
        # Each page links to the next, and the last to page 0: following
        # links from any page reaches every page.
        following = (n + 1) % self.pages
        others = [m for m in range(self.pages) if m not in (n, following)]
        chooser = random.Random(f"{self.seed}:links:{n}")
        chosen = chooser.sample(others, min(self.links - 1, len(others)))
        if following != n:  # a site of one page has nothing to link to
            chosen.append(following)
        return sorted(chosen)

    # --8<-- [end:plan]

    def html(self, n):
        links = "\n".join(
            f'<li><a href="/page/{m}">Page {m}</a></li>'
            for m in self.links_from(n)
        )
        if self.external_links:
            # Off the site: a crawler that stays on its host never asks.
            links += (
                f'\n<li><a href="http://example.invalid/{n}">'
                "Elsewhere</a></li>"
            )
        return (
            f"<!DOCTYPE html>\n<html><head><title>Page {n}</title></head>\n"
            f"<body><h1>Page {n}</h1>\n<ul>\n{links}\n</ul>\n</body></html>\n"
        )

    @property
    def url(self):
        """The site's address, such as "http://127.0.0.1:41523"."""
        if self._url is None:
            raise RuntimeError("the site has not been started")
        return self._url

    def page_url(self, n):
        return f"{self.url}/page/{n}"

    async def __aenter__(self):
        await self.start()
        return self

    async def __aexit__(self, *exc_info):
        await self.close()

    async def start(self):
        app = web.Application(middlewares=[self._count])
        app.router.add_get("/page/{n:[0-9]+}", self._page)
        app.router.add_get("/moved/{n:[0-9]+}", self._moved)
        app.router.add_get("/loop/{n:[0-9]+}/{end:[ab]}", self._loop)
        # A short grace period: on close, requests still being answered
        # (a slow page, say) are cancelled rather than waited for.
        self._runner = web.AppRunner(app, shutdown_timeout=0.1)
        await self._runner.setup()
        # Port 0: any free port. A long queue of connections not yet
        # accepted, for clients that open hundreds at once.
        site = web.TCPSite(self._runner, "127.0.0.1", 0, backlog=1024)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self._url = f"http://{host}:{port}"

    async def close(self):
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # --8<-- [start:serving]
    @web.middleware
    async def _count(self, request, handler):
        stats = self.stats
        stats.requests += 1
        stats.paths[request.path] += 1
        stats.arrivals.append(asyncio.get_running_loop().time())
        stats.in_flight += 1
        stats.max_in_flight = max(stats.max_in_flight, stats.in_flight)
        try:
            return await handler(request)
        except web.HTTPNotFound:
            stats.outcomes["not_found"] += 1
            raise
        except web.HTTPMethodNotAllowed:  # anything but GET or HEAD
            stats.outcomes["not_allowed"] += 1
            raise
        finally:
            stats.in_flight -= 1

    async def _answer(self, outcome, seconds=None):
        self.stats.outcomes[outcome] += 1
        await asyncio.sleep(self.delay if seconds is None else seconds)

    async def _page(self, request):
        n = int(request.match_info["n"])
        if n >= self.pages:
            raise web.HTTPNotFound()
        self._attempts[n] += 1
        fault = self.plan(n, self._attempts[n])
        html = self.html(n)
        if fault == "slow":
            await self._answer(fault, self.slow_delay)
        else:
            await self._answer(fault)
        if fault in ("ok", "slow"):
            return web.Response(text=html, content_type="text/html")
        if fault == "error_500":
            return web.Response(status=500, text="Internal Server Error")
        if fault in ("rate_limited", "unavailable"):
            status = 429 if fault == "rate_limited" else 503
            return web.Response(
                status=status,
                text="Please come back later",
                headers={"Retry-After": str(self.retry_after)},
            )
        if fault == "dropped":
            return await self._drop(request, html.encode())
        if fault == "truncated":
            # A complete HTTP response that carries half of the page.
            half = html[: len(html) // 2]
            return web.Response(text=half, content_type="text/html")
        if fault == "malformed":
            return web.Response(
                body=self._garbage(n),
                content_type="text/html",
                charset="utf-8",
            )
        if fault == "redirect":
            raise web.HTTPFound(f"/moved/{n}")
        raise web.HTTPFound(f"/loop/{n}/a")  # redirect_loop

    async def _drop(self, request, body):
        # The headers promise the whole body; half of it comes, then the
        # connection closes.
        response = web.StreamResponse(
            headers={"Content-Type": "text/html; charset=utf-8"}
        )
        response.content_length = len(body)
        await response.prepare(request)
        await response.write(body[: len(body) // 2])
        request.transport.close()
        return response

    def _garbage(self, n):
        # 0xFF never occurs in UTF-8, so decoding fails at the first byte.
        noise = random.Random(f"{self.seed}:garbage:{n}").randbytes(200)
        return b"\xff" + noise

    async def _moved(self, request):
        n = int(request.match_info["n"])
        if n >= self.pages:
            raise web.HTTPNotFound()
        await self._answer("moved")
        return web.Response(text=self.html(n), content_type="text/html")

    async def _loop(self, request):
        n = request.match_info["n"]
        other = "b" if request.match_info["end"] == "a" else "a"
        await self._answer("looped")
        raise web.HTTPFound(f"/loop/{n}/{other}")

    # --8<-- [end:serving]


# Without --fault options: every kind of fault, each on 5% of requests.
MIXED_FAULTS = Faults(**{name: 0.05 for name in FAULT_NAMES})


# --8<-- [start:client]
async def what_a_client_sees(session, url):
    """One GET with aiohttp's defaults, described in a few words."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    seen = "no response"
    try:
        async with session.get(url) as response:
            seen = f"{response.status}"
            if response.history:
                seen += f" (redirected to {response.url.path})"
            if "Retry-After" in response.headers:
                seen += f", Retry-After: {response.headers['Retry-After']}"
            if response.status != 200:
                return seen
            text = await response.text()
    except aiohttp.TooManyRedirects as error:
        return f"TooManyRedirects after {len(error.history)} redirects"
    except (aiohttp.ClientError, UnicodeDecodeError) as error:
        return f"{seen}, then {type(error).__name__}"
    title = re.search("<title>(.*)</title>", text)
    seen += f", {title.group(1)!r}" if title else ", no title"
    if not text.rstrip().endswith("</html>"):
        seen += ", stops short"
    seconds = loop.time() - start
    if seconds > 1:
        seen += f", after {seconds:.1f}s"
    return seen


# --8<-- [end:client]


async def show_each_kind(site):
    async with site, aiohttp.ClientSession() as session:
        print(f"{site.pages} pages; the first request for each of these gets")
        for kind in ("ok", *FAULT_NAMES):
            pages = [n for n in range(site.pages) if site.plan(n, 1) == kind]
            if not pages:
                print(f"  {kind:14}  (no page)")
                continue
            path = f"/page/{pages[0]}"
            seen = await what_a_client_sees(session, site.url + path)
            print(f"  {kind:14} {path:10} -> {seen}")
        seen = await what_a_client_sees(session, site.url + "/nowhere")
        print(f"  {'not_found':14} {'/nowhere':10} -> {seen}")
        # Asking again is another draw: a page that failed may now be fine.
        for n in range(site.pages):
            if site.plan(n, 1) != "ok" and site.plan(n, 2) == "ok":
                seen = await what_a_client_sees(session, site.page_url(n))
                print(f"asked a second time, /page/{n} gets ok -> {seen}")
                break
    print(site.stats.report())


def stdin_is_a_pipe():
    # Only a pipe (or socket) is watched: a terminal, /dev/null or a file
    # as standard input must not stop the site, or suspend it (a program
    # in the background that reads the terminal is stopped by SIGTTIN).
    if sys.stdin is None:  # started with no standard input at all
        return False
    mode = os.fstat(sys.stdin.fileno()).st_mode
    return stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


def wait_for_end_of_input(loop, stop):
    """Set `stop` once standard input closes (runs in its own thread)."""
    # os.read rather than sys.stdin's methods: a thread waiting in those
    # holds a lock that Python needs as it exits, and it would abort.
    while os.read(sys.stdin.fileno(), 4096):  # what is written is ignored
        pass
    with contextlib.suppress(RuntimeError):  # the loop may be closed
        loop.call_soon_threadsafe(stop.set)


async def serve(site):
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    signals = (signal.SIGINT, signal.SIGTERM)  # Ctrl-C, kill (Unix only)
    for number in signals:
        loop.add_signal_handler(number, stop.set)
    if stdin_is_a_pipe():  # a parent process stops the site by closing it
        watcher = threading.Thread(
            target=wait_for_end_of_input,
            args=(loop, stop),
            name="site_with_faults stdin",
            daemon=True,  # it may be reading still when the program ends
        )
        watcher.start()
    try:
        async with site:
            print(site.url, flush=True)
            await stop.wait()
    finally:
        for number in signals:
            loop.remove_signal_handler(number)
    print(site.stats.report())


class Parser(argparse.ArgumentParser):
    def error(self, message):
        # One line, not argparse's usage text first.
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def main(argv=None):
    parser = Parser(
        description="A web site of numbered pages that fails on purpose, "
        "the same way every time for the same seed."
    )
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument(
        "--delay", type=float, default=0.05, help="seconds per answer"
    )
    parser.add_argument(
        "--slow-delay", type=float, default=2.0, help="seconds when slow"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--links", type=int, default=3, help="links per page to others"
    )
    parser.add_argument(
        "--retry-after", type=int, default=1, help="seconds, on 429 and 503"
    )
    parser.add_argument(
        "--no-external-links",
        action="store_true",
        help="no link to http://example.invalid on each page",
    )
    parser.add_argument(
        "--fault",
        action="append",
        default=[],
        metavar="NAME=RATE",
        help="for example error_500=0.1; without any, each fault at 0.05."
        " Faults: " + ", ".join(FAULT_NAMES),
    )
    parser.add_argument(
        "--serve",
        action="store_true",
        help="print the URL, then serve until Ctrl-C, SIGTERM, or the end"
        " of standard input if that is a pipe",
    )
    args = parser.parse_args(argv)
    try:
        faults = Faults.parse(args.fault) if args.fault else MIXED_FAULTS
        site = TestSite(
            pages=args.pages,
            delay=args.delay,
            faults=faults,
            seed=args.seed,
            links=args.links,
            slow_delay=args.slow_delay,
            retry_after=args.retry_after,
            external_links=not args.no_external_links,
        )
    except ValueError as error:
        parser.error(str(error))
    asyncio.run(serve(site) if args.serve else show_each_kind(site))


if __name__ == "__main__":
    main()
