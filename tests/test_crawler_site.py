"""The crawler chapter's test site (site_with_faults.py) does what it says.

Most tests run the site and an aiohttp client in one event loop whose clock
is virtual (see VirtualTimeLoop): waits take no real time and loop.time()
moves by exactly what was waited, so delays, concurrency and rates can be
checked exactly. The --serve tests run real processes in real time.
"""

import asyncio
import collections
import io
import math
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import urllib.request

import aiohttp
import pytest

from fieldguide.examples import EXAMPLES

FOLDER = EXAMPLES / "case-study-crawler"
sys.path.insert(0, str(FOLDER))

import site_with_faults  # noqa: E402
from site_with_faults import (  # noqa: E402
    FAULT_NAMES,
    Faults,
    Stats,
    TestSite,
    main,
)

TestSite.__test__ = False  # a class named Test..., but not a test


class VirtualTimeLoop(asyncio.SelectorEventLoop):
    """An event loop that skips the waits between timers.

    When nothing is ready, instead of waiting for the next timer it moves its
    clock to it. Sockets on 127.0.0.1 deliver at once, so a client and a
    server in this loop see each other's bytes without the clock moving.
    """

    def __init__(self):
        super().__init__()
        self.now = 0.0
        select = self._selector.select

        def select_skipping_waits(timeout=None):
            ready = select(0)
            if ready or (timeout is not None and timeout <= 0):
                return ready
            if timeout is None:  # no timer: only I/O can wake the loop
                return select(None)
            self.now += timeout
            return select(0)

        self._selector.select = select_skipping_waits

    def time(self):
        return self.now


def run(coroutine):
    with asyncio.Runner(loop_factory=VirtualTimeLoop) as runner:
        return runner.run(coroutine)


async def look(session, url, **options):
    """What a client sees: ("status", 200, text), ("raised", name), ..."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with session.get(url, **options) as response:
            body = await response.read()
            seen = {
                "status": response.status,
                "retry_after": response.headers.get("Retry-After"),
                "location": response.headers.get("Location"),
                "history": [r.status for r in response.history],
                "path": response.url.path,
                "body": body,
                "seconds": loop.time() - start,
            }
            try:
                seen["text"] = await response.text()
            except UnicodeDecodeError:
                seen["text"] = None
            return seen
    except aiohttp.ClientError as error:
        return {"raised": type(error), "seconds": loop.time() - start}


def kind_seen(site, n, seen):
    """The fault a client can tell it got, from what it saw of page n."""
    if "raised" in seen:
        return {
            aiohttp.ClientPayloadError: "dropped",
            aiohttp.TooManyRedirects: "redirect_loop",
        }[seen["raised"]]
    status = seen["status"]
    if status != 200:
        return {500: "error_500", 429: "rate_limited", 503: "unavailable"}[status]
    if seen["text"] is None:
        return "malformed"
    if seen["history"]:
        assert seen["history"] == [302]
        assert seen["path"] == f"/moved/{n}"
        assert seen["text"] == site.html(n)
        return "redirect"
    if seen["text"] != site.html(n):
        assert site.html(n).startswith(seen["text"])
        assert "</html>" not in seen["text"]
        return "truncated"
    if seen["seconds"] == pytest.approx(site.slow_delay):
        return "slow"
    assert seen["seconds"] == pytest.approx(site.delay)
    return "ok"


async def fetch_every_page(site, attempts=1):
    """Each page `attempts` times in turn; returns {(n, attempt): kind}."""
    kinds = {}
    # One at a time, so that the time each takes is the server's alone.
    async with aiohttp.ClientSession() as session:
        for n in range(site.pages):
            for attempt in range(1, attempts + 1):
                seen = await look(session, site.page_url(n))
                kinds[n, attempt] = kind_seen(site, n, seen)
    return kinds


# Faults


def test_rates_must_be_from_0_to_1_and_add_up_to_at_most_1():
    with pytest.raises(ValueError, match="rate of slow must be from 0 to 1"):
        Faults(slow=1.5)
    with pytest.raises(ValueError, match=r"rate of dropped .* not -0\.1"):
        Faults(dropped=-0.1)
    with pytest.raises(ValueError, match=r"rate of malformed .* not nan"):
        Faults(malformed=math.nan)
    with pytest.raises(ValueError, match=r"add up to 1\.1; at most 1"):
        Faults(error_500=0.6, rate_limited=0.5)
    # Rates that add up to 1 once rounded are accepted.
    faults = Faults(**{name: 1 / 9 for name in FAULT_NAMES})
    assert sum(faults.rates().values()) == pytest.approx(1)
    assert list(faults.rates()) == list(FAULT_NAMES)


def test_parse_reads_name_equals_rate_and_explains_mistakes():
    assert Faults.parse([]) == Faults()
    assert Faults.parse(["error_500=0.1", " slow=.25"]) == Faults(
        error_500=0.1, slow=0.25
    )
    mistakes = {
        "slowly=0.1": "unknown fault 'slowly'; the faults are slow, error_500",
        "slow": "'slow' is not NAME=RATE",
        "slow=lots": "the rate of slow is not a number: 'lots'",
        "slow=2": "the rate of slow must be from 0 to 1, not 2.0",
    }
    for spec, message in mistakes.items():
        with pytest.raises(ValueError, match=re.escape(message)):
            Faults.parse([spec])
    with pytest.raises(ValueError, match="slow is given twice"):
        Faults.parse(["slow=0.1", "slow=0.2"])
    with pytest.raises(ValueError, match=r"add up to 1\.2"):
        Faults.parse(["slow=0.6", "dropped=0.6"])


def test_a_site_refuses_settings_that_make_no_sense():
    for settings, message in [
        ({"pages": 0}, "at least 1 page, not 0"),
        ({"links": 0}, "at least 1 link, not 0"),
        ({"delay": -1}, "delay must be 0 or more, not -1"),
        ({"slow_delay": math.inf}, "slow_delay must be 0 or more, not inf"),
        ({"retry_after": -2}, "retry_after must be 0 or more, not -2"),
    ]:
        with pytest.raises(ValueError, match=message):
            TestSite(**settings)
    with pytest.raises(RuntimeError, match="has not been started"):
        TestSite().page_url(1)
    run(TestSite().close())  # closing a site never started does nothing


# What a client sees


@pytest.mark.parametrize("fault", FAULT_NAMES)
def test_each_fault_comes_at_its_rate_and_is_what_a_client_sees(fault):
    site = TestSite(pages=200, faults=Faults(**{fault: 0.25}), seed=7)

    async def fetch():
        async with site:
            return await fetch_every_page(site)

    kinds = run(fetch())
    # Each page's first request got exactly what the site planned for it...
    assert kinds == {(n, 1): site.plan(n, 1) for n in range(site.pages)}
    # ...which is the fault about a quarter of the time (200 draws: a
    # standard deviation of about 6 pages), and otherwise a good page.
    counts = collections.Counter(kinds.values())
    assert set(counts) == {fault, "ok"}
    assert 32 <= counts[fault] <= 68
    # The site counts one outcome per request.
    outcomes = site.stats.outcomes
    assert outcomes[fault] == counts[fault]
    assert outcomes["ok"] == counts["ok"]
    assert sum(outcomes.values()) == site.stats.requests


def test_a_mix_of_every_fault_comes_at_each_rate():
    site = TestSite(pages=500, faults=site_with_faults.MIXED_FAULTS)

    async def fetch():
        async with site:
            return await fetch_every_page(site)

    kinds = run(fetch())
    assert kinds == {(n, 1): site.plan(n, 1) for n in range(site.pages)}
    counts = collections.Counter(kinds.values())
    for name in FAULT_NAMES:  # 5% of 500, give or take 3 sd
        assert 10 <= counts[name] <= 40, (name, counts[name])
    assert 240 <= counts["ok"] <= 310
    assert sum(site.stats.outcomes.values()) == site.stats.requests


def test_dropped_headers_promise_more_than_comes_before_the_close():
    site = TestSite(pages=1, faults=Faults(dropped=1))

    async def raw_get():
        async with site:
            port = int(site.url.rsplit(":", 1)[1])
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(b"GET /page/0 HTTP/1.1\r\nHost: test\r\n\r\n")
            answer = await reader.read()  # to the end: the server closes
            writer.close()
            await writer.wait_closed()
            return answer

    head, _, body = run(raw_get()).partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200 OK")
    promised = int(re.search(rb"Content-Length: (\d+)", head).group(1))
    assert promised == len(site.html(0).encode())
    assert len(body) == promised // 2
    assert site.html(0).encode().startswith(body)


def test_retry_after_and_redirects_are_what_the_options_say():
    faults = Faults(rate_limited=0.5, unavailable=0.5)
    site = TestSite(pages=20, faults=faults, retry_after=7)
    loop_site = TestSite(pages=3, faults=Faults(redirect_loop=1))

    async def fetch():
        async with site, loop_site, aiohttp.ClientSession() as session:
            waits = [
                (await look(session, site.page_url(n)))["retry_after"]
                for n in range(site.pages)
            ]
            # Not following redirects: a chain of 302s between two URLs.
            chain = []
            url = loop_site.page_url(2)
            for _ in range(5):
                seen = await look(session, url, allow_redirects=False)
                chain.append((seen["status"], seen["location"]))
                url = loop_site.url + seen["location"]
            return waits, chain, loop_site.stats

    waits, chain, stats = run(fetch())
    assert waits == ["7"] * 20
    assert chain == [
        (302, "/loop/2/a"),
        (302, "/loop/2/b"),
        (302, "/loop/2/a"),
        (302, "/loop/2/b"),
        (302, "/loop/2/a"),
    ]
    assert stats.outcomes == {"redirect_loop": 1, "looped": 4}


def test_the_moved_page_and_loop_steps_answer_every_time():
    # A redirect's target is the same page, served whole, and never a fault.
    site = TestSite(pages=5, faults=Faults(redirect=0.5, error_500=0.5))

    async def fetch():
        async with site, aiohttp.ClientSession() as session:
            return [await look(session, f"{site.url}/moved/3") for _ in range(10)]

    for seen in run(fetch()):
        assert (seen["status"], seen["text"]) == (200, site.html(3))
    assert site.stats.outcomes == {"moved": 10}


def test_unknown_paths_are_404_and_other_methods_405():
    site = TestSite(pages=5)

    async def fetch():
        async with site, aiohttp.ClientSession() as session:
            statuses = []
            for path in [
                "/",
                "/nowhere",
                "/page/5",
                "/page/-1",
                "/page/x",
                "/moved/5",
                "/loop/1/c",
            ]:
                async with session.get(site.url + path) as response:
                    statuses.append(response.status)
            async with session.post(site.page_url(1)) as response:
                statuses.append(response.status)
            async with session.head(site.page_url(1)) as response:
                statuses.append(response.status)
            return statuses

    assert run(fetch()) == [404] * 7 + [405, 200]
    stats = site.stats
    assert stats.outcomes == {"not_found": 7, "not_allowed": 1, "ok": 1}
    assert stats.requests == sum(stats.outcomes.values()) == 9
    assert stats.paths["/page/1"] == 2


# Reproducible from the seed


def test_the_same_seed_serves_the_same_faults_and_another_seed_others():
    faults = Faults(**{name: 0.08 for name in FAULT_NAMES})

    def served(seed):
        site = TestSite(pages=60, faults=faults, seed=seed)

        async def fetch():
            async with site:
                kinds = await fetch_every_page(site, attempts=3)
            return kinds, site.stats.outcomes, site.html(5)

        return run(fetch())

    first, again, other = served(1), served(1), served(2)
    assert first == again
    assert first[0] != other[0]
    assert first[2] != other[2]  # page 5 links elsewhere too
    # Planning needs no server, and agrees with what was served.
    site = TestSite(pages=60, faults=faults, seed=1)
    assert first[0] == {(n, k): site.plan(n, k) for n in range(60) for k in (1, 2, 3)}


def test_a_fault_on_one_attempt_says_nothing_about_the_next():
    site = TestSite(pages=400, faults=Faults(error_500=0.5), seed=3)

    async def fetch():
        async with site:
            return await fetch_every_page(site, attempts=2)

    kinds = run(fetch())
    pairs = collections.Counter((kinds[n, 1], kinds[n, 2]) for n in range(site.pages))
    # Independent draws: each of the four pairs about a quarter of pages.
    assert set(pairs) == {
        ("ok", "ok"),
        ("ok", "error_500"),
        ("error_500", "ok"),
        ("error_500", "error_500"),
    }
    for pair, count in pairs.items():
        assert 70 <= count <= 130, (pair, count)


def test_asking_again_gets_every_page_in_the_end():
    site = TestSite(pages=100, faults=Faults(dropped=0.4, unavailable=0.4))

    async def fetch_until_ok():
        tries = []
        async with site, aiohttp.ClientSession() as session:
            for n in range(site.pages):
                for attempt in range(1, 30):
                    seen = await look(session, site.page_url(n))
                    if seen.get("status") == 200:
                        tries.append(attempt)
                        break
        return tries

    tries = run(fetch_until_ok())
    assert len(tries) == 100
    assert max(tries) > 1  # some needed asking more than once
    assert site.stats.outcomes["ok"] == 100


# Counting concurrency and rate


def test_max_in_flight_is_the_most_requests_answered_at_once():
    site = TestSite(pages=50, delay=1.0)

    async def fetch():
        async with site:
            connector = aiohttp.TCPConnector(limit=4)
            async with aiohttp.ClientSession(connector=connector) as session:
                # 20 at once through a limit of 4.
                async with asyncio.TaskGroup() as group:
                    for n in range(20):
                        group.create_task(look(session, site.page_url(n)))
                four_at_once = site.stats.max_in_flight
                during = []

                # Then one every 0.4 s, each taking 1 s: at most 3 overlap.
                async def one(n):
                    await asyncio.sleep(0.4 * n)
                    await look(session, site.page_url(n))
                    during.append(site.stats.in_flight)

                site.stats.max_in_flight = 0
                async with asyncio.TaskGroup() as group:
                    for n in range(10):
                        group.create_task(one(n))
            return four_at_once, during

    four_at_once, during = run(fetch())
    assert four_at_once == 4
    assert site.stats.max_in_flight == 3
    assert max(during) == 2  # counted down as each answer left
    assert site.stats.in_flight == 0


def test_max_in_flight_with_no_limit_counts_every_request():
    site = TestSite(pages=300, delay=0.5)

    async def fetch():
        async with site:
            connector = aiohttp.TCPConnector(limit=0)  # no limit
            async with (
                aiohttp.ClientSession(connector=connector) as session,
                asyncio.TaskGroup() as group,
            ):
                tasks = [
                    group.create_task(look(session, site.page_url(n)))
                    for n in range(300)
                ]
        return [task.result().get("status") for task in tasks]

    assert run(fetch()) == [200] * 300
    assert site.stats.max_in_flight == 300


def test_max_per_second_counts_arrivals_at_a_known_rate():
    site = TestSite(pages=50, delay=0.01)

    async def fetch():
        loop = asyncio.get_running_loop()
        async with site, aiohttp.ClientSession() as session:
            start = loop.time()
            # 10 a second for 3 s, each sent at its own moment.
            for n in range(30):
                await asyncio.sleep(start + n / 10 - loop.time())
                await look(session, site.page_url(n))
            # Then a burst of 5 at once, a second after the last.
            await asyncio.sleep(start + 3.9 - loop.time())
            async with asyncio.TaskGroup() as group:
                for n in range(5):
                    group.create_task(look(session, site.page_url(n)))
            return start

    start = run(fetch())
    stats = site.stats
    assert stats.arrivals[0] == pytest.approx(start)
    assert stats.arrivals[29] == pytest.approx(start + 2.9)
    assert stats.arrivals[30:] == [pytest.approx(start + 3.9)] * 5
    assert stats.max_per_second() == 10
    assert stats.max_per_second(0.5) == 5
    assert stats.max_per_second(2.0) == 20
    assert stats.max_per_second(0.05) == 5  # the burst


def test_max_per_second_windows_are_half_open():
    assert Stats().max_per_second() == 0
    assert Stats(arrivals=[0.0, 1.0, 2.0]).max_per_second() == 1
    assert Stats(arrivals=[0.0, 0.999, 2.0]).max_per_second() == 2
    assert Stats(arrivals=[3.0, 0.5, 1.2]).max_per_second() == 2  # any order
    # Ten steps of 0.1 do not quite make 1.0 in floating point; the window
    # still holds only the ten arrivals of one second.
    times = [0.0]
    for _ in range(30):
        times.append(times[-1] + 0.1)
    assert Stats(arrivals=times).max_per_second() == 10


# Links


@pytest.mark.parametrize(("pages", "links"), [(200, 3), (50, 1), (7, 10), (1, 3)])
def test_every_page_is_reachable_from_page_0_and_links_stay_on_site(pages, links):
    site = TestSite(pages=pages, links=links, seed=pages)

    async def crawl():
        seen = {0}
        queue = collections.deque([0])
        external = []
        async with site, aiohttp.ClientSession() as session:
            while queue:
                n = queue.popleft()
                text = (await look(session, site.page_url(n)))["text"]
                assert f"<title>Page {n}</title>" in text
                hrefs = re.findall(r'href="([^"]*)"', text)
                external += [h for h in hrefs if not h.startswith("/")]
                on_site = [int(h[6:]) for h in hrefs if h.startswith("/")]
                assert on_site == site.links_from(n)
                assert n not in on_site
                assert len(on_site) == min(links, pages - 1)
                for m in on_site:
                    if m not in seen:
                        seen.add(m)
                        queue.append(m)
        return seen, external

    seen, external = run(crawl())
    assert seen == set(range(pages))
    # One link off the site on each page, never requested.
    assert sorted(external) == sorted(
        f"http://example.invalid/{n}" for n in range(pages)
    )
    assert site.stats.requests == pages


def test_no_external_links_when_asked():
    site = TestSite(pages=3, external_links=False)
    assert "example.invalid" not in site.html(1)
    assert "http" not in site.html(1)


def test_the_site_connects_to_nothing_and_looks_up_no_name(monkeypatch):
    connected, looked_up = [], []
    real_connect = socket.socket.connect
    real_getaddrinfo = socket.getaddrinfo

    def connect(sock, address):
        connected.append(address[0])
        return real_connect(sock, address)

    def getaddrinfo(host, *args, **kwargs):
        looked_up.append(host)
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    faults = Faults(**{name: 0.1 for name in FAULT_NAMES})
    site = TestSite(pages=100, faults=faults)

    async def fetch():
        async with site:
            return await fetch_every_page(site, attempts=2)

    run(fetch())
    # Only the test's client connected, to the site; nothing was resolved
    # but the address the site listens on.
    assert connected
    assert set(connected) == {"127.0.0.1"}
    assert set(looked_up) <= {"127.0.0.1"}
    assert all(path.startswith("/") for path in site.stats.paths)
    assert site.url.startswith("http://127.0.0.1:")


# The program, in this process


def test_the_report_says_what_was_served():
    stats = Stats(requests=3, max_in_flight=2)
    stats.outcomes.update(["ok", "ok", "slow"])
    assert stats.report() == (
        "served 3 requests, at most 2 at once\noutcomes: ok 2, slow 1"
    )
    assert Stats().report().endswith("outcomes: none")
    stats.outcomes.update({f"kind_{i}": 100 for i in range(12)})
    lines = stats.report().splitlines()
    assert all(len(line) <= 79 for line in lines)
    assert len(lines) > 3


def test_bad_arguments_are_a_one_line_error(capsys):
    for argv, message in [
        (["--fault", "nope=0.1"], "unknown fault 'nope'"),
        (["--fault", "slow=2"], "the rate of slow must be from 0 to 1"),
        (["--fault", "slow=0.7", "--fault", "dropped=0.7"], "add up to 1.4"),
        (["--pages", "0"], "at least 1 page, not 0"),
        (["--pages", "many"], "invalid int value: 'many'"),
        (["--delay", "-1"], "delay must be 0 or more, not -1.0"),
        (["--colour"], "unrecognized arguments: --colour"),
    ]:
        with pytest.raises(SystemExit) as exit:
            main(argv)
        assert exit.value.code == 2
        error = capsys.readouterr().err
        assert error.count("\n") == 1  # the whole of it: no usage text
        assert re.match(r"\S+: error: ", error)  # \S+: the program's name
        assert message in error
        assert error.endswith(" (see --help)\n")


def test_the_demonstration_says_when_a_kind_is_on_no_page(capsys):
    # Every first request fails: no page is "ok" first time, and no page
    # fails first and then succeeds.
    main(["--pages", "3", "--delay", "0", "--fault", "error_500=1"])
    out = capsys.readouterr().out
    assert "  ok              (no page)\n" in out
    assert "error_500      /page/0    -> 500\n" in out
    assert "asked a second time" not in out
    assert "served 2 requests" in out  # the error_500 page and the 404


class StdoutWatcher(io.StringIO):
    """Standard output that says when the site has printed its URL."""

    def __init__(self):
        super().__init__()
        self.printed = threading.Event()

    def write(self, text):
        written = super().write(text)
        if "\n" in text:
            self.printed.set()
        return written


def serve_in_this_process(monkeypatch, stop):
    """main(["--serve"]) here; `stop(url)` runs in a thread, then ends it."""
    read_end, write_end = os.pipe()
    stdin = open(read_end)  # noqa: SIM115 (closed below)
    stdout = StdoutWatcher()
    monkeypatch.setattr(sys, "stdin", stdin)
    monkeypatch.setattr(sys, "stdout", stdout)
    results = []

    def client():
        stdout.printed.wait(10)
        url = stdout.getvalue().strip()
        with urllib.request.urlopen(url + "/page/2") as response:
            results.append(response.status)
        stop(write_end)

    thread = threading.Thread(target=client)
    thread.start()
    try:
        main(["--serve", "--pages", "5", "--delay", "0", "--fault", "slow=0"])
    finally:
        thread.join()
    if stop is send_sigint:
        os.close(write_end)
    # The thread that read standard input ends once it closes.
    for watcher in threading.enumerate():
        if watcher.name == "site_with_faults stdin":
            watcher.join(10)
            assert not watcher.is_alive()
    stdin.close()
    return results, stdout.getvalue()


def send_sigint(write_end):
    os.kill(os.getpid(), signal.SIGINT)


def type_then_close(write_end):
    os.write(write_end, b"what is typed is ignored\n")
    os.close(write_end)


def test_serve_in_process_stops_when_standard_input_closes(monkeypatch):
    results, out = serve_in_this_process(monkeypatch, type_then_close)
    assert results == [200]
    assert re.fullmatch(
        r"http://127\.0\.0\.1:\d+\n"
        r"served 1 requests, at most 1 at once\noutcomes: ok 1\n",
        out,
    )


def test_serve_in_process_stops_on_sigint(monkeypatch):
    results, out = serve_in_this_process(monkeypatch, send_sigint)
    assert results == [200]
    assert out.endswith("served 1 requests, at most 1 at once\noutcomes: ok 1\n")
    # The program's handler is gone: SIGINT is Python's own again.
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_serve_in_process_with_no_standard_input_stops_on_sigterm(monkeypatch):
    monkeypatch.setattr(sys, "stdin", None)
    stdout = StdoutWatcher()
    monkeypatch.setattr(sys, "stdout", stdout)

    def stop():
        stdout.printed.wait(10)
        os.kill(os.getpid(), signal.SIGTERM)

    thread = threading.Thread(target=stop)
    thread.start()
    try:
        main(["--serve"])
    finally:
        thread.join()
    assert stdout.getvalue().endswith(
        "\nserved 0 requests, at most 0 at once\noutcomes: none\n"
    )
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


# The program, as a real process


def start_serving(*arguments, stdin=subprocess.PIPE):
    process = subprocess.Popen(
        [
            sys.executable,
            "-X",
            "dev",
            "-W",
            "error",
            "site_with_faults.py",
            "--serve",
            *arguments,
        ],
        cwd=FOLDER,
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = process.stdout.readline().strip()
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+", url), url
    return process, url


def get(url):
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""


@pytest.mark.parametrize("how", ["sigint", "stdin closes", "sigterm"])
def test_serve_runs_as_a_process_and_stops_cleanly(how):
    # With /dev/null as its standard input, the site keeps serving (only a
    # pipe that closes stops it), until SIGTERM.
    stdin = subprocess.DEVNULL if how == "sigterm" else subprocess.PIPE
    process, url = start_serving(
        "--pages", "3", "--fault", "error_500=0.5", stdin=stdin
    )
    try:
        answers = [get(f"{url}/page/{n}") for n in range(3)]
        answers.append(get(f"{url}/page/0"))  # its second request
        if how == "sigint":
            process.send_signal(signal.SIGINT)  # stdin stays open
        elif how == "sigterm":
            process.terminate()
        else:
            process.stdin.close()
        process.wait(timeout=10)
        out, err = process.stdout.read(), process.stderr.read()
    finally:
        process.kill()  # does nothing if it has ended
        process.wait()
        for stream in (process.stdin, process.stdout, process.stderr):
            if stream is not None:
                stream.close()
    assert (process.returncode, err) == (0, "")
    # The same seed serves the same faults in the process as here.
    site = TestSite(pages=3, faults=Faults(error_500=0.5))
    planned = [site.plan(n, 1) for n in range(3)] + [site.plan(0, 2)]
    assert answers == [
        (500, "") if kind == "error_500" else (200, site.html(n % 3))
        for n, kind in enumerate(planned)
    ]
    counts = collections.Counter(planned)
    outcomes = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    assert out == f"served 4 requests, at most 1 at once\noutcomes: {outcomes}\n"


def test_bad_arguments_to_the_process_exit_2_with_one_error_line():
    done = subprocess.run(
        [sys.executable, "site_with_faults.py", "--fault", "fast=0.5"],
        cwd=FOLDER,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "site_with_faults.py: error: unknown fault 'fast'; the faults are "
        + ", ".join(FAULT_NAMES)
        + " (see --help)\n"
    )
