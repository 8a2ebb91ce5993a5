"""The case study's finished tool, examples/case-study-crawler/crawl.py.

Each test drives the tool against the chapter's own test site on 127.0.0.1,
mostly in-process (so that coverage sees every line), and checks what the
tool wrote against what the site counted. The Ctrl-C test runs the tool as a
real process and interrupts it with a real SIGINT.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import datetime
import email.utils
import itertools
import json
import os
import runpy
import signal
import subprocess
import sys
import threading
import time
import types
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web

from fieldguide.examples import EXAMPLES

FOLDER = EXAMPLES / "case-study-crawler"
sys.path.insert(0, str(FOLDER))

import crawl  # noqa: E402
from site_with_faults import FAULT_NAMES, Faults  # noqa: E402
from site_with_faults import TestSite as FaultySite  # noqa: E402  (not a test)

# Quick settings: small delays, short timeouts, a short back-off.
QUICK = crawl.Options(concurrency=5, timeout=0.2, retries=2, backoff=0.01, seed=0)


def read_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def run(job, options, output, **site_settings):
    """Crawl a fresh FaultySite; `job(site)` gives the URLs or the start URL."""

    async def go():
        async with FaultySite(**site_settings) as site:
            summary = await crawl.crawl(job(site), options, output)
        return summary, site

    return asyncio.run(go())


def all_pages(site):
    return [site.page_url(n) for n in range(site.pages)]


def check_accounted_for(records, urls, summary, site):
    """Each URL has exactly one record, which says how it ended."""
    assert sorted(r["url"] for r in records) == sorted(urls)
    for record in records:
        assert set(crawl.KEYS) <= set(record)
        if record["outcome"] == "ok":
            assert record["reason"] is None
            assert 200 <= record["status"] < 300
        else:
            assert record["outcome"] == "failed"
            assert isinstance(record["reason"], str)
            assert record["reason"]
        # The site saw exactly the attempts the record counts.
        path = record["url"].removeprefix(site.url)
        assert site.stats.paths[path] == record["attempts"], record
    outcomes = {o: sum(r["outcome"] == o for r in records) for o in ("ok", "failed")}
    assert summary.outcomes == {k: v for k, v in outcomes.items() if v}
    assert summary.requests == sum(r["attempts"] for r in records)
    assert summary.retries == summary.requests - len(records)


# --- every URL accounted for ------------------------------------------------


@pytest.mark.parametrize("fault", [*FAULT_NAMES, "all"])
def test_every_url_is_recorded_once_under_each_fault(tmp_path, fault):
    if fault == "all":
        faults = Faults(**{name: 0.08 for name in FAULT_NAMES})
    else:
        faults = Faults(**{fault: 0.4})
    output = tmp_path / "out.jsonl"

    def job(site):
        # A URL twice, and one the site does not have.
        return [*all_pages(site), site.page_url(3), f"{site.url}/page/999"]

    summary, site = run(
        job, QUICK, output, pages=30, delay=0.01, faults=faults, seed=3,
        slow_delay=0.5, retry_after=0,
    )  # fmt: skip
    records = read_lines(output)
    urls = [*all_pages(site), f"{site.url}/page/999"]
    check_accounted_for(records, urls, summary, site)
    by_url = {record["url"]: record for record in records}
    missing = by_url.pop(f"{site.url}/page/999")
    assert (missing["status"], missing["reason"]) == (404, "HTTP 404 Not Found")
    assert missing["attempts"] == 1  # a 404 is not retried
    for url, record in by_url.items():
        # What the site did on each try decides what the crawler must do.
        n = int(url.split("/")[-1])
        kinds = [site.plan(n, k) for k in range(1, record["attempts"] + 1)]
        assert all(kind in RETRIED for kind in kinds[:-1]), (record, kinds)
        last = kinds[-1]
        if last in RETRIED:  # it tried as often as it may, then gave up
            assert record["attempts"] == QUICK.retries + 1
        assert record["reason"] == REASONS.get(last), (record, kinds)
        if record["outcome"] == "ok":  # a page cut short has its title
            assert record["title"] == f"Page {n}"
    assert fault == "all" or site.stats.outcomes[fault] > 0  # it happened
    assert (summary.retries > 0) == (fault in RETRIED or fault == "all")


# How the crawler must describe the last try, for each kind of answer.
REASONS = {
    "slow": "no answer within 0.2 s",  # slow_delay is 0.5 s
    "error_500": "HTTP 500 Internal Server Error",
    "rate_limited": "HTTP 429 Too Many Requests",
    "unavailable": "HTTP 503 Service Unavailable",
    "dropped": "connection failed (ClientPayloadError)",
    "malformed": "body is not utf-8 text",
    "redirect_loop": "too many redirects",
}  # "ok", "truncated" and "redirect" end in success
RETRIED = {"slow", "error_500", "rate_limited", "unavailable", "dropped"}


def test_failure_reasons_name_what_went_wrong(tmp_path):
    faults = Faults(slow=0.5, dropped=0.5)
    options = crawl.Options(concurrency=4, timeout=0.2, retries=0)
    summary, _ = run(
        all_pages, options, tmp_path / "out.jsonl", pages=20, delay=0.01,
        faults=faults, slow_delay=0.5,
    )  # fmt: skip
    assert set(summary.reasons) == {
        "no answer within 0.2 s",
        "connection failed (ClientPayloadError)",
    }


def test_a_retry_can_succeed_and_exhausted_retries_fail(tmp_path):
    output = tmp_path / "out.jsonl"
    faults = Faults(error_500=0.5)
    summary, site = run(all_pages, QUICK, output, pages=40, delay=0.01, faults=faults)
    records = read_lines(output)
    attempts = {(r["outcome"], r["attempts"]) for r in records}
    assert ("ok", 2) in attempts or ("ok", 3) in attempts
    assert ("failed", 3) in attempts  # 1 + QUICK.retries, then it gives up
    assert set(summary.reasons) == {"HTTP 500 Internal Server Error"}
    assert "  HTTP 500 Internal Server Error\n" in summary.report()
    check_accounted_for(records, all_pages(site), summary, site)


# --- bounds ------------------------------------------------------------------


def test_never_more_requests_in_flight_than_the_bound(tmp_path):
    # No slow pages: a request the client gives up on keeps the site busy
    # after the client has moved on, which the site would count.
    faults = Faults(error_500=0.2, dropped=0.1, rate_limited=0.1)
    options = crawl.Options(concurrency=4, timeout=1.0, backoff=0.01, seed=0)
    summary, site = run(
        all_pages, options, tmp_path / "out.jsonl", pages=60, delay=0.02,
        faults=faults, retry_after=0,
    )  # fmt: skip
    assert site.stats.max_in_flight == 4  # reached, never passed
    assert summary.requests == site.stats.requests


def test_never_faster_than_the_rate_limit(tmp_path):
    rate = 20.0
    options = crawl.Options(concurrency=10, rate=rate)
    summary, site = run(
        all_pages, options, tmp_path / "out.jsonl", pages=25, delay=0.01
    )
    assert summary.outcomes["ok"] == 25
    # Requests leave at least 1/rate s apart. They arrive a few milliseconds
    # less regularly (the first on each connection waits for it to open),
    # so the window is a little under a second.
    assert site.stats.max_per_second(window=0.98) <= rate
    arrivals = sorted(site.stats.arrivals)
    assert arrivals[-1] - arrivals[0] >= (25 - 1) / rate * 0.98
    assert site.stats.max_in_flight <= 3  # the rate, not the bound, limits


def test_a_rate_limit_is_separate_from_the_bound(tmp_path):
    # Slow pages at a high rate: the bound is what stops a sixth request.
    options = crawl.Options(concurrency=5, rate=100.0)
    _, site = run(all_pages, options, tmp_path / "out.jsonl", pages=15, delay=0.2)
    assert site.stats.max_in_flight == 5


def test_a_token_bucket_spaces_requests_evenly():
    async def go():
        bucket = crawl.TokenBucket(rate=50.0)
        loop = asyncio.get_running_loop()
        times = []
        for _ in range(6):
            await bucket.take()
            times.append(loop.time())
        return [b - a for a, b in itertools.pairwise(times)]

    gaps = asyncio.run(go())
    assert all(gap >= 0.02 - 0.001 for gap in gaps)  # 1 / 50 s apart


@pytest.mark.parametrize("fault", ["rate_limited", "unavailable"])
def test_retry_after_is_honoured(tmp_path, fault):
    # Every answer is "come back in 1 s": the gaps between tries show it.
    options = crawl.Options(retries=1, backoff=0.01)
    summary, site = run(
        lambda site: [site.page_url(0)], options, tmp_path / "out.jsonl",
        pages=1, delay=0.0, faults=Faults(**{fault: 1.0}), retry_after=1,
    )  # fmt: skip
    arrivals = site.stats.arrivals
    assert len(arrivals) == 2
    gaps = [b - a for a, b in itertools.pairwise(arrivals)]
    assert all(1.0 <= gap < 1.5 for gap in gaps), gaps  # not the 0.01 back-off
    status = 429 if fault == "rate_limited" else 503
    assert summary.outcomes == {"failed": 1}
    [record] = read_lines(tmp_path / "out.jsonl")
    assert (record["status"], record["attempts"]) == (status, 2)


def test_retry_after_as_seconds_or_a_date():
    assert crawl.retry_after(None) is None
    assert crawl.retry_after("3") == 3.0
    # RFC 9110's delay-seconds is digits and nothing else; anything that is
    # neither digits nor a date is ignored, so the usual back-off applies.
    for value in ["-3", "3.5", "1_0", " 3", "inf", "nan", "\u0663", "soon"]:
        assert crawl.retry_after(value) is None, value
    later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=30)
    seconds = crawl.retry_after(email.utils.format_datetime(later, usegmt=True))
    assert 25 < seconds <= 30
    # "-0000" means UTC too, though parsedate_to_datetime() makes it naive.
    naive = email.utils.format_datetime(later.replace(tzinfo=None))
    assert naive.endswith("-0000")
    assert 25 < crawl.retry_after(naive) <= 30
    assert crawl.retry_after("Mon, 01 Jan 2001 00:00:00 GMT") == 0.0  # past


def test_a_total_timeout_stops_the_crawl_and_a_rerun_finishes(tmp_path):
    output = tmp_path / "out.jsonl"
    options = crawl.Options(concurrency=2, total_timeout=0.5)

    async def go():
        async with FaultySite(pages=20, delay=0.1) as site:
            first = await crawl.crawl(all_pages(site), options, output)
            done = len(read_lines(output))
            rest = crawl.Options(concurrency=2)
            second = await crawl.crawl(all_pages(site), rest, output)
        return first, done, second, site

    first, done, second, site = asyncio.run(go())
    assert first.stopped.startswith("the total timeout of 0.5 s")
    assert "stopped early: the total timeout" in first.report()
    assert 1 <= done < 20  # about 2 every 0.1 s, for 0.5 s
    assert second.already_recorded == done
    records = read_lines(output)
    assert sorted(r["url"] for r in records) == sorted(all_pages(site))


# --- following links ---------------------------------------------------------


def breadth_first(site, start=0):
    order, seen = [start], {start}
    for page in order:  # the list grows as it is walked
        for link in site.links_from(page):
            if link not in seen:
                seen.add(link)
                order.append(link)
    return order


def test_links_are_followed_breadth_first_on_the_start_host(tmp_path):
    output = tmp_path / "out.jsonl"
    options = crawl.Options(concurrency=1)  # one at a time: a strict order
    summary, site = run(
        lambda site: site.page_url(0), options, output, pages=25, delay=0.0,
        links=3, external_links=True,
    )  # fmt: skip
    records = read_lines(output)
    assert [r["url"] for r in records] == [
        site.page_url(n) for n in breadth_first(site)
    ]
    assert len(records) == 25  # the whole site
    # Every request the crawler made reached the site: none went to
    # example.invalid, which every page links to.
    assert summary.requests == site.stats.requests == 25
    assert all(path.startswith("/page/") for path in site.stats.paths)
    for record in records:
        n = int(record["url"].split("/")[-1])
        assert record["links"] == [site.page_url(m) for m in site.links_from(n)]


def test_same_host_links_resolves_and_filters():
    base = "http://127.0.0.1:8000/dir/page"
    hrefs = [
        "other",  # relative to the page
        "/top#part",  # the fragment goes
        "/top",  # the same again
        "https://127.0.0.1:8000/secure",  # another scheme, the same host
        "http://127.0.0.1:9000/",  # another port is another host
        "http://example.invalid/",
        "mailto:someone@example.invalid",
        "http://[::1",  # too broken to read
    ]
    assert crawl.same_host_links(base, hrefs, "127.0.0.1:8000") == [
        "http://127.0.0.1:8000/dir/other",
        "http://127.0.0.1:8000/top",
        "https://127.0.0.1:8000/secure",
    ]


def test_max_pages_limits_the_crawl_and_resume_goes_on(tmp_path):
    output = tmp_path / "out.jsonl"

    async def go():
        async with FaultySite(pages=30, delay=0.0) as site:
            counts = []
            for limit in (10, 15, None):
                options = crawl.Options(concurrency=1, max_pages=limit)
                await crawl.crawl(site.page_url(0), options, output)
                counts.append(len(read_lines(output)))
        return counts, site

    counts, site = asyncio.run(go())
    assert counts == [10, 15, 30]
    records = read_lines(output)
    # Resumed from the links recorded, the order is still breadth first.
    assert [r["url"] for r in records] == [
        site.page_url(n) for n in breadth_first(site)
    ]
    assert site.stats.requests == 30  # nothing fetched twice


def test_a_list_of_urls_stops_at_max_pages(tmp_path):
    options = crawl.Options(max_pages=4)
    summary, _ = run(all_pages, options, tmp_path / "out.jsonl", pages=10)
    assert summary.outcomes["ok"] == 4
    assert len(read_lines(tmp_path / "out.jsonl")) == 4


def test_a_redirect_is_followed_and_links_read_where_it_led(tmp_path):
    output = tmp_path / "out.jsonl"
    summary, site = run(
        lambda site: site.page_url(0), crawl.Options(), output, pages=10,
        delay=0.0, faults=Faults(redirect=0.5),
    )  # fmt: skip
    assert site.stats.outcomes["moved"] > 0
    assert len(read_lines(output)) == 10
    assert summary.outcomes == {"ok": 10}


# --- the output file, and resuming ------------------------------------------


def test_a_torn_last_line_is_ignored_and_cut_off_on_resume(tmp_path):
    output = tmp_path / "out.jsonl"

    async def go():
        async with FaultySite(pages=10, delay=0.0) as site:
            await crawl.crawl(all_pages(site), crawl.Options(), output)
            whole = output.read_bytes()
            # A crash part of the way through writing the last line.
            output.write_bytes(whole[:-25])
            summary = await crawl.crawl(all_pages(site), crawl.Options(), output)
        return whole, summary, site

    whole, summary, site = asyncio.run(go())
    lines = whole.splitlines(keepends=True)
    torn = json.loads(lines[-1])["url"]
    assert summary.already_recorded == 9
    assert summary.requests == 1
    assert site.stats.paths[torn.removeprefix(site.url)] == 2  # fetched again
    after = output.read_bytes()
    assert after.startswith(b"".join(lines[:-1]))  # earlier lines untouched
    records = read_lines(output)
    assert sorted(r["url"] for r in records) == sorted(all_pages(site))


@pytest.mark.parametrize(
    ("tail", "records"),
    [
        (b"", 2),
        (b"{", 2),  # just begun
        (b'{"url": "http://127.0.0.1/x", "outc', 2),
        # A whole record whose newline never made it: fetched again.
        (json.dumps(dict.fromkeys(crawl.KEYS, None) | {"url": "u2"}).encode(), 2),
    ],
)
def test_read_records_leaves_out_a_torn_tail(tmp_path, tail, records):
    good = b"".join(
        json.dumps(dict.fromkeys(crawl.KEYS, None) | {"url": f"u{n}"}).encode() + b"\n"
        for n in range(records)
    )
    path = tmp_path / "out.jsonl"
    path.write_bytes(good + tail)
    found, keep = crawl.read_records(path)
    assert [r["url"] for r in found] == ["u0", "u1"]
    assert keep == len(good)


NOT_OURS = [
    (b"Remember the milk.\n", "line 1 is not JSON"),
    (b"Remember the milk.", "line 1 is not JSON"),  # not a torn record
    # JSON, so not cut short, and not a record: not ours, though it starts
    # as a record does and has no newline.
    (b'{"url": "my notes, not a crawl"}', "line 1 is not a crawl.py record"),
    (b"[1, 2]\n", "line 1 is not a crawl.py record"),
    (b'{"url": "x"}\n', "line 1 is not a crawl.py record"),
    (b'{"url": 1, "outcome": 1, "status": 1, "reason": 1, "attempts": 1, '
     b'"title": 1, "seconds": 1}\n', "line 1 is not a crawl.py record"),
    (b'{"url": "x", "outc\n{"url": "y"', "line 1 is not JSON"),
    (b"\n", "line 1 is not JSON"),
    (b"\xff\xfe\n", "line 1 is not JSON"),
]  # fmt: skip


@pytest.mark.parametrize(("content", "message"), NOT_OURS)
def test_a_file_not_in_the_format_is_refused_and_left_alone(
    tmp_path, capsys, content, message
):
    urls = tmp_path / "urls.txt"
    urls.write_text("http://127.0.0.1:9/\n")  # never asked: it stops first
    output = tmp_path / "out.jsonl"
    output.write_bytes(content)
    before = output.stat()
    status = crawl.main(["--urls", str(urls), "--output", str(output)])
    assert status == 1
    err = capsys.readouterr().err
    assert err.startswith(f"crawl.py: error: {output} {message}")
    assert err.count("\n") == 1
    assert output.read_bytes() == content
    assert output.stat().st_mtime_ns == before.st_mtime_ns


# --- the command line --------------------------------------------------------

START = ["--start", "http://127.0.0.1:9/"]
BAD_ARGUMENTS = [
    (["-o", "OUT"], "one of the arguments --urls --start is required"),
    (["--urls", "u", *START, "-o", "OUT"], "not allowed with argument"),
    (START, "the following arguments are required: --output"),
    (["--start", "a.example", "-o", "OUT"], "not an http:// or https:// URL"),
    (["--start", "ftp://a/", "-o", "OUT"], "not an http:// or https:// URL"),
    (["--start", "http:///x", "-o", "OUT"], "not an http:// or https:// URL"),
    (["--start", "http://[::1", "-o", "OUT"], "--start: Invalid IPv6 URL"),
    (["--start", "http://a:99999/", "-o", "OUT"], "Port out of range"),
    (["--concurrency", "0"], "needs a whole number of 1 or more, not '0'"),
    (["--concurrency", "two"], "needs a whole number of 1 or more"),
    (["--rate", "nan"], "argument --rate: needs a number of 0 or more"),
    (["--timeout", "0"], "argument --timeout: needs a number of 0.001"),
    (["--timeout", "inf"], "argument --timeout: needs a number of 0.001"),
    (["--timeout", "nan"], "argument --timeout: needs a number of 0.001"),
    (["--total-timeout", "-1"], "--total-timeout: needs a number of 0"),
    (["--retries", "-1"], "argument --retries: needs a whole number of 0"),
    (["--max-pages", "0"], "argument --max-pages: needs a whole number"),
]


@pytest.mark.parametrize(("argv", "message"), BAD_ARGUMENTS)
def test_bad_arguments_get_one_line_and_status_2(tmp_path, capsys, argv, message):
    output = tmp_path / "out.jsonl"
    if "-o" not in argv and "--start" not in argv:  # an option's value
        argv = [*START, "-o", "OUT", *argv]
    argv = ["--output" if a == "-o" else str(output) if a == "OUT" else a
            for a in argv]  # fmt: skip
    with pytest.raises(SystemExit) as exit:
        crawl.main(argv)
    assert exit.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("crawl.py: error: ")
    assert message in captured.err
    assert captured.err.endswith(" (see --help)\n")
    assert captured.err.count("\n") == 1
    assert not output.exists()


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


BAD_INPUT = [
    (lambda d: d / "missing.txt", "missing.txt: No such file or directory"),
    (lambda d: d, "cannot read"),  # a folder
    (lambda d: write(d / "u.txt", b"\xff\n"), "u.txt is not UTF-8 text"),
    (
        lambda d: write(d / "u.txt", b"# urls\n\nhttp://127.0.0.1/\nwww.a\n"),
        "u.txt line 4: not an http:// or https:// URL: 'www.a'",
    ),
]


@pytest.mark.parametrize(("make", "message"), BAD_INPUT)
def test_an_unusable_url_file_gets_one_line_and_status_1(
    tmp_path, capsys, make, message
):
    output = tmp_path / "out.jsonl"
    status = crawl.main(["--urls", str(make(tmp_path)), "--output", str(output)])
    assert status == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("crawl.py: error: ")
    assert message in captured.err
    assert captured.err.count("\n") == 1
    assert not output.exists()


@pytest.mark.parametrize("where", ["missing/out.jsonl", "."])
def test_an_output_that_cannot_be_written_gets_one_line(tmp_path, capsys, where):
    urls = write(tmp_path / "u.txt", b"http://127.0.0.1:9/\n")
    output = tmp_path / where
    status = crawl.main(["--urls", str(urls), "--output", str(output)])
    assert status == 1
    err = capsys.readouterr().err
    assert err.startswith("crawl.py: error: cannot ")
    assert err.count("\n") == 1


def test_help_lists_the_options(capsys):
    with pytest.raises(SystemExit) as exit:
        crawl.main(["--help"])
    assert exit.value.code == 0
    out = capsys.readouterr().out
    options = "urls start output concurrency rate timeout total-timeout retries"
    for option in [*options.split(), "max-pages"]:
        assert f"--{option}" in out


def test_the_help_shown_on_the_page_is_the_help_it_prints(monkeypatch, capsys):
    # crawl.out, shown under crawl.py on the page, is `crawl.py --help`
    # (the example harness skips crawl.py: it needs arguments and a site).
    monkeypatch.setenv("COLUMNS", "80")
    with pytest.raises(SystemExit):
        crawl.main(["--help"])
    assert capsys.readouterr().out == (FOLDER / "crawl.out").read_text("utf-8")


def test_run_as_a_program_it_exits_with_mains_status(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["crawl.py", "--concurrency", "0"])
    with pytest.raises(SystemExit) as exit:
        runpy.run_path(str(FOLDER / "crawl.py"), run_name="__main__")
    assert exit.value.code == 2
    assert "--concurrency: needs a whole number" in capsys.readouterr().err


def test_a_list_of_urls_from_the_command_line(tmp_path, capsys):
    with served_site(pages=5, delay=0.0) as site:
        urls = write(
            tmp_path / "urls.txt",
            "".join(f"{url}\n" for url in all_pages(site)).encode(),
        )
        output = tmp_path / "out.jsonl"
        argv = ["--urls", str(urls), "--output", str(output), "--rate", "0"]
        assert crawl.main(argv) == 0
    out = capsys.readouterr().out
    assert out.startswith("ok             5\nfailed         0\n")
    assert "skipped        0  (already recorded)\n" in out
    assert "requests       5  (0 retries) in " in out
    assert len(read_lines(output)) == 5


def test_a_total_timeout_on_the_command_line_exits_1(tmp_path, capsys):
    with served_site(pages=20, delay=0.1) as site:
        argv = ["--start", site.page_url(0), "--output", str(tmp_path / "o")]
        assert crawl.main([*argv, "--total-timeout", "0.3"]) == 1
    assert "stopped early: the total timeout of 0.3 s" in capsys.readouterr().out


# --- Ctrl-C ------------------------------------------------------------------


@contextlib.contextmanager
def served_site(**settings):
    """A FaultySite served by its own event loop in another thread."""
    started = threading.Event()
    box = {}

    async def serve():
        async with FaultySite(**settings) as site:
            box["site"], box["stop"] = site, asyncio.Event()
            box["loop"] = asyncio.get_running_loop()
            started.set()
            await box["stop"].wait()

    thread = threading.Thread(target=asyncio.run, args=(serve(),))
    thread.start()
    assert started.wait(10)
    try:
        yield box["site"]
    finally:
        box["loop"].call_soon_threadsafe(box["stop"].set)
        thread.join(10)


def test_ctrl_c_in_process_prints_the_summary_and_ends_by_sigint(
    tmp_path, monkeypatch, capsys
):
    # asyncio.run() turns SIGINT into cancelling the crawl only while
    # SIGINT has Python's default handler; make sure it has.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    killed = []
    monkeypatch.setattr(os, "kill", lambda pid, sig: killed.append((pid, sig)))
    output = tmp_path / "out.jsonl"
    try:
        with served_site(pages=40, delay=0.1) as site:
            argv = ["--start", site.page_url(0), "--output", str(output)]
            argv += ["--concurrency", "2"]
            main_thread = threading.main_thread().ident
            timer = threading.Timer(
                0.5, signal.pthread_kill, (main_thread, signal.SIGINT)
            )
            timer.start()
            status = crawl.main(argv)
            timer.join()
    finally:
        signal.signal(signal.SIGINT, previous)
    assert status == 130  # since os.kill() was only pretend
    assert killed == [(os.getpid(), signal.SIGINT)]
    out = capsys.readouterr().out
    assert out.endswith("stopped early: Ctrl-C; run again to go on\n")
    records = read_lines(output)
    assert 1 <= len(records) < 40  # about 2 every 0.1 s, for 0.5 s
    assert len({r["url"] for r in records}) == len(records)


def test_a_real_sigint_loses_nothing_and_a_resume_finishes(tmp_path, capsys):
    output = tmp_path / "out.jsonl"
    faults = Faults(error_500=0.2, dropped=0.1)
    with served_site(pages=40, delay=0.1, faults=faults, seed=1) as site:
        command = [sys.executable, "crawl.py", "--start", site.page_url(0)]
        command += ["--output", str(output), "--concurrency", "3"]
        command += ["--retries", "5"]
        # A program started from a terminal gets SIGINT's default action,
        # but pytest-xdist's workers ignore SIGINT, and a child inherits
        # that. While the parent has a handler, a child starts with the
        # default (exec() resets handled signals, not ignored ones).
        previous = signal.signal(signal.SIGINT, signal.default_int_handler)
        try:
            process = subprocess.Popen(
                command, cwd=FOLDER, stdout=subprocess.PIPE,
                stderr=subprocess.PIPE, text=True,
            )  # fmt: skip
        finally:
            signal.signal(signal.SIGINT, previous)
        deadline = time.monotonic() + 20
        while not (output.exists() and output.read_bytes().count(b"\n") >= 6):
            assert time.monotonic() < deadline, "the crawl never got going"
            time.sleep(0.02)
        process.send_signal(signal.SIGINT)  # as Ctrl-C in a terminal does
        out, err = process.communicate(timeout=20)
        assert process.returncode == -signal.SIGINT  # it died of SIGINT
        assert err == ""
        assert out.endswith("stopped early: Ctrl-C; run again to go on\n")
        before = output.read_bytes()
        assert before.endswith(b"\n")  # no torn line: it stopped cleanly
        first = read_lines(output)
        interrupted = len(first)
        assert f"ok        {sum(r['outcome'] == 'ok' for r in first):6}" in out
        # Resume, in this process this time.
        argv = ["--start", site.page_url(0), "--output", str(output)]
        assert crawl.main([*argv, "--retries", "5"]) == 0
        resumed = capsys.readouterr().out
        paths = dict(site.stats.paths)
    assert f"skipped   {interrupted:6}  (already recorded)" in resumed
    after = output.read_bytes()
    assert after.startswith(before)  # what was there is untouched
    records = read_lines(output)
    assert len(records) == 40  # every page, once
    assert sorted(r["url"] for r in records) == sorted(all_pages(site))
    assert all(r["outcome"] == "ok" for r in records)
    # Pages asked for more often than their records say are the ones
    # Ctrl-C caught in progress: at most one per worker, none recorded.
    attempts = {r["url"].removeprefix(site.url): r["attempts"] for r in records}
    caught = [path for path, count in attempts.items() if paths[path] > count]
    assert len(caught) <= 3
    assert not {site.url + path for path in caught} & {r["url"] for r in first}
    cut_short = sum(paths[path] - attempts[path] for path in caught)
    assert cut_short >= len(caught)


# --- pages and servers the test site does not make ------------------------


def crawl_odd_site(tmp_path, answers, job, options=QUICK):
    """Crawl a little site on 127.0.0.1 whose `answers` map a path to a
    function from the request to a response; `job(base_url)` gives the
    URLs or the start URL."""
    hits = collections.Counter()  # requests per path
    output = tmp_path / "out.jsonl"

    async def answer(request):
        hits[request.path] += 1
        return answers[request.path](request)

    async def go():
        app = web.Application()
        for path in answers:
            app.router.add_get(path, answer)
        runner = web.AppRunner(app)
        await runner.setup()
        try:
            await web.TCPSite(runner, "127.0.0.1", 0).start()
            base = f"http://127.0.0.1:{runner.addresses[0][1]}"
            job_ = job(base)
            summary = await asyncio.wait_for(crawl.crawl(job_, options, output), 20)
        finally:
            await runner.cleanup()
        return base, summary

    base, summary = asyncio.run(go())
    records = read_lines(output)
    return types.SimpleNamespace(
        base=base, summary=summary, records=records, hits=hits,
        found={r["url"].removeprefix(base): r for r in records},
    )  # fmt: skip


def page(html):
    return lambda request: web.Response(text=html, content_type="text/html")


def test_a_page_the_parser_gives_up_on_fails_and_the_crawl_goes_on(tmp_path):
    links = '<a href="/bad">b</a> <a href="/good">g</a>'
    answers = {
        "/": page(f"<title>Home</title>{links}"),
        # html.parser raises AssertionError at an unknown marked section.
        "/bad": page('<title>Bad</title><![x y]><a href="/never">n</a>'),
        "/good": page("<title>Good</title>"),
    }
    got = crawl_odd_site(tmp_path, answers, lambda b: b + "/")
    found = got.found
    assert sorted(found) == ["/", "/bad", "/good"]
    bad = found["/bad"]
    assert (bad["outcome"], bad["status"], bad["attempts"]) == ("failed", 200, 1)
    assert bad["reason"] == "could not parse the page (AssertionError)"
    assert (bad["title"], bad["links"]) == (None, [])
    assert got.summary.outcomes == {"ok": 2, "failed": 1}
    assert got.hits["/never"] == 0


def test_with_a_list_only_the_title_is_read(tmp_path):
    # html.parser gives up at the marked section, after the title: a list
    # of URLs wants only titles, so the crawler never reads that far.
    after_the_title = '<title>Odd</title><![x y]><a href="/never">n</a>'
    answers = {"/odd": page(after_the_title), "/plain": page("<title>P</title>")}
    got = crawl_odd_site(tmp_path, answers, lambda b: [b + "/odd", b + "/plain"])
    odd = got.found["/odd"]
    assert (odd["outcome"], odd["reason"], odd["title"]) == ("ok", None, "Odd")
    assert "links" not in odd
    assert got.found["/plain"]["title"] == "P"
    reader = crawl.PageReader(links=False)
    with pytest.raises(crawl.PageReader.Done):
        reader.feed(after_the_title)
    assert (reader.title, reader.links) == ("Odd", [])
    with pytest.raises(AssertionError):  # reading on is what fails
        crawl.PageReader(links=True).feed(after_the_title)


@pytest.mark.parametrize("links", [False, True])
def test_the_title_is_the_first_and_the_same_in_both_modes(links):
    def title(html):
        reader = crawl.PageReader(links=links)
        with contextlib.suppress(crawl.PageReader.Done):
            reader.feed(html)
            reader.close()
        return reader.title

    # An inline SVG icon has a <title> of its own, after the page's.
    icon = "<svg><title>Search</title></svg>"
    assert title(f"<head><title>Home</title></head><body>{icon}") == "Home"
    # A stray </title> before the real one does not end the reading.
    assert title("<head></title><title>Real</title></head>") == "Real"
    assert title("<p>no title at all</p>") is None


def test_an_unexpected_error_fails_only_its_own_url(tmp_path, monkeypatch):
    fetch = crawl.Crawler.fetch

    async def broken_for_page_3(self, url):
        if url.endswith("/page/3"):
            raise RuntimeError("a bug")
        return await fetch(self, url)

    monkeypatch.setattr(crawl.Crawler, "fetch", broken_for_page_3)
    output = tmp_path / "out.jsonl"
    summary, site = run(all_pages, QUICK, output, pages=6, delay=0.0)
    found = {r["url"]: r for r in read_lines(output)}
    assert len(found) == 6
    broken = found[site.page_url(3)]
    assert broken["outcome"] == "failed"
    assert broken["reason"] == "crawl.py failed on it (RuntimeError)"
    assert summary.outcomes == {"ok": 5, "failed": 1}


def busy(status, retry_after):
    return lambda request: web.Response(
        status=status, headers={"Retry-After": retry_after}
    )


def test_only_answers_that_may_change_are_retried(tmp_path):
    def status(code):
        return lambda request: web.Response(status=code)

    answers = {f"/{code}": status(code) for code in (501, 505, 404, 502, 504)}
    options = crawl.Options(retries=2, backoff=0.001, seed=0)
    got = crawl_odd_site(
        tmp_path, answers, lambda b: [b + path for path in answers], options
    )
    assert {path: got.hits[path] for path in answers} == {
        "/501": 1, "/505": 1, "/404": 1, "/502": 3, "/504": 3,
    }  # fmt: skip
    assert got.found["/501"]["reason"] == "HTTP 501 Not Implemented"
    assert got.summary.outcomes == {"failed": 5}


def test_a_retry_after_too_long_or_unreadable_neither_hangs_nor_crashes(tmp_path):
    answers = {
        "/hour": busy(503, "3600"),  # longer than crawl.LONGEST_WAIT
        "/minute": busy(429, "61"),
        "/inf": busy(503, "inf"),  # not digits: the usual back-off
        "/nan": busy(429, "nan"),
        "/negative": busy(503, "-5"),
    }
    options = crawl.Options(retries=2, backoff=0.01, seed=0)
    got = crawl_odd_site(
        tmp_path, answers, lambda b: [b + path for path in answers], options
    )
    found = got.found
    assert found["/hour"]["reason"] == "the server asked to wait 3600 s, too long"
    assert found["/minute"]["reason"] == "the server asked to wait 61 s, too long"
    assert got.hits["/hour"] == got.hits["/minute"] == 1  # not asked again
    for path, reason in [
        ("/inf", "HTTP 503 Service Unavailable"),
        ("/nan", "HTTP 429 Too Many Requests"),
        ("/negative", "HTTP 503 Service Unavailable"),
    ]:
        assert (found[path]["reason"], found[path]["attempts"]) == (reason, 3)
        assert got.hits[path] == 3
    assert crawl.LONGEST_WAIT == 60
    assert got.summary.outcomes == {"failed": 5}


def test_a_redirect_to_something_not_http_is_not_retried(tmp_path):
    def to_mail(request):
        raise web.HTTPFound("mailto:someone@example.invalid")

    got = crawl_odd_site(tmp_path, {"/mail": to_mail}, lambda b: [b + "/mail"])
    [record] = got.records
    assert record["reason"] == (
        "redirected to mailto:someone@example.invalid, not a web page"
    )
    assert (record["attempts"], got.hits["/mail"]) == (1, 1)


class Refusing:
    """A stand-in for a ClientSession whose every request raises `error`."""

    def __init__(self, error):
        self.error = error

    @contextlib.asynccontextmanager
    async def get(self, url):
        raise self.error
        yield  # never reached: it makes get() a generator


def bare(kind):
    """An exception of aiohttp's `kind`, made without its usual arguments
    (only its type is read)."""
    return kind.__new__(kind)


ATTEMPT_FAILURES = [
    # (error, reason, worth retrying)
    (bare(aiohttp.ClientConnectorDNSError), "no such host (DNS)", False),
    (
        bare(aiohttp.ClientConnectorCertificateError),
        "TLS failed (ClientConnectorCertificateError)",
        False,
    ),
    (
        aiohttp.ServerFingerprintMismatch(b"a", b"b", "h", 443),
        "TLS failed (ServerFingerprintMismatch)",
        False,
    ),
    (
        aiohttp.InvalidUrlClientError("http://a b/"),
        "not a URL it can request: http://a b/",
        False,
    ),
    (
        aiohttp.InvalidUrlRedirectClientError("http://[x", "no URL"),
        "redirected to http://[x - no URL, not a web page",
        False,
    ),
    (bare(aiohttp.ClientResponseError), "request failed (ClientResponseError)", False),
    (
        aiohttp.ServerDisconnectedError(),
        "connection failed (ServerDisconnectedError)",
        True,
    ),
    (aiohttp.ClientOSError(), "connection failed (ClientOSError)", True),
    (aiohttp.ClientPayloadError(), "connection failed (ClientPayloadError)", True),
]


@pytest.mark.parametrize(("error", "reason", "retried"), ATTEMPT_FAILURES)
def test_only_failures_a_retry_can_mend_are_retried(error, reason, retried):
    crawler = crawl.Crawler(Refusing(error), QUICK, crawl.Summary())
    answer = asyncio.run(crawler.attempt("http://127.0.0.1:9/"))
    assert answer == (None, reason, None, 0 if retried else None)


def test_a_redirect_off_the_start_host_is_not_followed(tmp_path):
    def off_host(request):
        # localhost is this machine, but another host than 127.0.0.1.
        port = request.url.port
        raise web.HTTPFound(f"http://localhost:{port}/elsewhere")

    def on_host(request):
        raise web.HTTPFound("/good")

    answers = {
        "/": page('<a href="/off">o</a> <a href="/moved">m</a>'),
        "/off": off_host,
        "/moved": on_host,  # followed: it stays on the host
        "/good": page("<title>Good</title>"),
        "/elsewhere": page("<title>Elsewhere</title>"),
    }
    got = crawl_odd_site(tmp_path, answers, lambda b: b + "/")
    found = got.found
    assert sorted(found) == ["/", "/moved", "/off"]
    port = got.base.rsplit(":", 1)[1]
    off = found["/off"]
    assert off["outcome"] == "failed"
    assert off["reason"] == (
        f"redirected off the site to http://localhost:{port}/elsewhere"
    )
    assert (off["attempts"], got.hits["/elsewhere"]) == (1, 0)
    assert found["/moved"]["title"] == "Good"


@pytest.mark.parametrize("start", ["", "/", "/#top", "#"])
def test_the_start_url_is_normalised_as_links_are(tmp_path, start):
    answers = {"/": page('<a href="/">home</a> <a href="/#top">top</a>')}
    got = crawl_odd_site(tmp_path, answers, lambda b: b + start)
    assert [r["url"] for r in got.records] == [got.base + "/"]
    assert got.hits["/"] == 1


def test_a_body_that_is_not_text_is_fetched_and_not_read(tmp_path):
    def picture(request):
        body = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
        return web.Response(body=body, content_type="image/png")

    got = crawl_odd_site(tmp_path, {"/p.png": picture}, lambda b: [b + "/p.png"])
    [record] = got.records
    assert (record["outcome"], record["status"]) == ("ok", 200)
    assert (record["reason"], record["title"]) == (None, None)
