"""The benchmark behind the asyncio-vs-threading chapter, and the page it feeds.

The full benchmark (``make bench``) takes minutes; here a smoke run of the
same script checks in seconds that it still works and that what it measures
obeys the limits the chapter states. The page tests check that every figure
the chapter quotes is the one the committed data gives.
"""

from __future__ import annotations

import json
import re
import statistics
import subprocess
import sys
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path

import pytest

from fieldguide.benchmark import RESULTS, ROOT, report

CHAPTER = "asyncio-vs-threading"


@pytest.fixture(scope="module")
def smoke(tmp_path_factory):
    output = tmp_path_factory.mktemp("bench") / "results.json"
    result = subprocess.run(
        [sys.executable, "-m", "fieldguide.benchmark", "--smoke", "--output", output],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(output.read_text())


def test_smoke_run_measures_every_approach(smoke):
    repeats = smoke["settings"]["repeats"]
    for config in smoke["http"]:
        assert len(config["samples"]) == repeats, config
    assert {c["approach"] for c in smoke["http"]} == set(report.APPROACH_NAMES)
    assert {c["kind"] for c in smoke["idle"]} == {"tasks", "threads"}
    assert smoke["machine"]["python"] == ".".join(map(str, sys.version_info[:3]))


def test_no_run_beats_its_lower_bound(smoke):
    # The server waits delay_ms per request and each approach has at most
    # `concurrency` requests in flight, so no honest run can be faster.
    delayed = [c for c in smoke["http"] if c["delay_ms"]]
    assert delayed
    for config in delayed:
        assert config["lower_bound_seconds"] > 0
        for sample in config["samples"]:
            assert sample["seconds"] >= config["lower_bound_seconds"], config


def test_an_idle_task_costs_less_than_an_idle_thread(smoke):
    rows = {row["kind"]: row for row in report.idle_rows(smoke)}
    assert 0 < rows["tasks"]["rss"] < rows["threads"]["rss"]
    # Each thread reserves its whole stack in the address space.
    stack_kib = smoke["machine"]["stack_limit_kib"]
    assert rows["threads"]["address"] >= stack_kib


def test_the_report_draws_from_any_results(smoke):
    for name in ("http-0", "http-50", "idle", "switch", "machine"):
        assert 'class="bench-figure"' in report.table(smoke, name)
    for name in report.PLOTS:
        for palette in report.PALETTES:
            svg = ET.fromstring(report.plot_svg(smoke, name, palette))
            assert svg.tag.endswith("svg")


def test_bench_command_rejects_bad_settings(tmp_path):
    for args, message in [
        (["--repeats", "0"], "--repeats must be at least 1"),
        (["--output", str(tmp_path / "missing" / "r.json")], "no folder"),
    ]:
        result = subprocess.run(
            [sys.executable, "-m", "fieldguide.benchmark", *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 2
        assert message in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["idle", "tasks", "0"],
        ["switch", "threads", "many"],
        ["client", "threads", "10", "0", "1"],
    ],
)
def test_measuring_tools_reject_bad_arguments(args):
    module, *rest = args
    result = subprocess.run(
        [sys.executable, "-m", f"fieldguide.benchmark.{module}", *rest],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert f"usage: {module}" in result.stderr
    assert result.stdout == ""


def test_directives_name_the_page_and_line():
    data = report.load()
    page = Path("docs/page.md")
    with pytest.raises(report.ReportError, match=r"docs/page.md:2: no figure 'nope'"):
        report.expand('text\n{{ bench("nope") }}\n', page, 1, data)
    with pytest.raises(report.ReportError, match=r"docs/page.md:1: no table 'x'"):
        report.expand('{{ bench_table("x") }}\n', page, 1, data)
    with pytest.raises(report.ReportError, match=r"docs/page.md:1: cannot read"):
        report.expand("{{ bench_plot(http) }}\n", page, 1, data)


# -- the chapter against the committed data -------------------------------------

_FIGURE = re.compile(
    r'<span class="bench-figure" data-key="(?P<key>[^"]+)">(?P<text>[^<]*)</span>'
)


@pytest.fixture(scope="module")
def chapter(site):
    return (site / CHAPTER / "index.html").read_text(encoding="utf-8")


def test_every_figure_on_the_page_is_the_datas(chapter):
    expected = report.figures(report.load())
    shown = _FIGURE.findall(chapter)
    assert len(shown) > 50
    for key, text in shown:
        assert unescape(text) == expected[key], key


def test_shown_medians_match_the_raw_samples(chapter):
    # Worked out again here, from the samples, without the report's helpers.
    data = json.loads(RESULTS.read_text())
    shown = dict(_FIGURE.findall(chapter))
    checked = 0
    for config in data["http"]:
        key = f"http.{config['approach']}.{config['requests']}.{config['delay_ms']}"
        if f"{key}.seconds" in shown:
            value = statistics.median(s["seconds"] for s in config["samples"])
            assert float(shown[f"{key}.seconds"].removesuffix(" s")) == pytest.approx(
                value, abs=0.051
            )
            checked += 1
    assert checked == sum(1 for c in data["http"] if c["samples"])


def test_plots_are_drawn_from_the_data(site, chapter):
    for name in report.PLOTS:
        for palette in report.PALETTES:
            path = report.plot_path(name, palette)
            assert f"{path}#only-{palette}" in chapter
            assert (site / path).read_bytes() == report.plot_file(name, palette)


# A number followed by a unit of time, memory, share or ratio.
_MEASURE = re.compile(
    r"(?<![\w.])(?P<number>\d[\d,]*(?:\.\d+)?)\s?"
    r"(?:µs|ms|s|seconds?|KiB|KB|MiB|MB|GiB|GB|%|\N{MULTIPLICATION SIGN})(?!\w)"
)
# Numbers with units that the chapter may type: settings and facts, not results.
NOT_MEASURED = {
    "5 ms": "CPython's default switch interval, sys.getswitchinterval()",
    "2 KB": "the size above which hashlib releases the GIL",
    "100%": "the ceiling of a share, in the explanation of the tables",
}


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_no_measurement_is_typed_by_hand(chapter):
    body = chapter.split("<article", 1)[1].split("</article>", 1)[0]
    # Listings and outputs: a number the prose quotes from an example (a sleep,
    # a timeout, a time the example printed) is a fact of that example.
    listings = _text(" ".join(re.findall(r"<pre.*?</pre>", body, re.DOTALL)))
    from_examples = set(re.findall(r"\d[\d,]*(?:\.\d+)?", listings))
    prose = _text(re.sub(r"<pre.*?</pre>|" + _FIGURE.pattern, " ", body, flags=re.S))
    data = json.loads(RESULTS.read_text())
    settings = {f"{delay} ms" for delay in data["settings"]["delays_ms"]}
    typed = {
        match.group()
        for match in _MEASURE.finditer(prose)
        if match["number"] not in from_examples
    }
    assert typed - settings - set(NOT_MEASURED) == set(), (
        "write measurements as {{ bench(...) }} figures from the data"
    )


def test_the_chapters_conclusions_hold_for_the_data():
    # Each assertion is a sentence of the chapter's measurement sections; when
    # `make bench` gives numbers that break one, rewrite that sentence.
    data = report.load()
    http = {
        (r["approach"], r["requests"], r["delay_ms"]): r for r in report.http_rows(data)
    }

    def row(approach, delay):
        return http[approach, max(data["settings"]["requests"]), delay]

    def wave_ms(row):  # client CPU for one wave: every request in flight once
        return row["cpu_us"] * row["concurrency"] / 1000

    delay = max(data["settings"]["delays_ms"])
    # "They hold for 1,000 requests as for 10,000."
    for n in data["settings"]["requests"]:
        threads = http["threads", n, delay]
        asyncio_32 = http["asyncio-32", n, delay]
        asyncio_100 = http["asyncio", n, delay]
        # "With 32 in flight, equal times hide unequal work": the same time,
        # but the thread pool spends several times the processor time per
        # request and keeps several times as much of a core busy.
        assert asyncio_32["seconds"] == pytest.approx(threads["seconds"], rel=0.15)
        assert threads["cpu_us"] > 3 * asyncio_32["cpu_us"]
        assert threads["busy"] > 3 * asyncio_32["busy"]
        # "The thread pool kept up only because the wait was long enough": a
        # wave of 32 costs the threads nearly the whole delay, asyncio far less;
        # with no waiting, the thread pool barely beats the 50 ms bound's rate
        # and takes several times as long as asyncio with 32 connections.
        assert 0.8 * delay < wave_ms(threads) <= delay
        assert wave_ms(asyncio_32) < 0.5 * delay
        no_wait = http["threads", n, 0]
        assert threads["best_rate"] < no_wait["rate"] < 1.25 * threads["best_rate"]
        assert no_wait["seconds"] > 3 * http["asyncio-32", n, 0]["seconds"]
        # "More in flight, less time": the bound is over three times lower
        # with 100 in flight, and the thread pool's rate with no waiting at
        # all is below what asyncio with 100 connections reached at 50 ms.
        assert asyncio_100["seconds"] < threads["seconds"]
        assert threads["lower_bound_seconds"] > 3 * asyncio_100["lower_bound_seconds"]
        assert no_wait["rate"] < asyncio_100["rate"]
        # "The more in flight, the further from the bound": a wave of 100
        # costs the client a good part of the delay.
        assert asyncio_100["percent"] < asyncio_32["percent"]
        assert wave_ms(asyncio_100) > 0.3 * delay
        # "The process pool comes last among the concurrent approaches at the
        # same number in flight."
        assert http["processes", n, delay]["seconds"] > max(
            threads["seconds"], asyncio_32["seconds"]
        )
    # "It started its workers with fork"; "the client runs no threads of its
    # own before it creates the pool" is a fact of fieldguide/benchmark/client.py.
    assert data["machine"]["process_start_method"] == "fork"
    # "It measured no pool of 100 threads."
    assert not any(
        r["approach"] == "threads" and r["concurrency"] >= 100 for r in http.values()
    )
    # Sequential fetching of the most requests at 50 ms was not run: its bound
    # alone exceeds the time the benchmark allows a run.
    skipped = row("sequential", delay)
    assert "seconds" not in skipped
    assert skipped["lower_bound_seconds"] > data["settings"]["max_run_seconds"]
    # With no delay: like for like, the thread pool spends several times
    # asyncio's CPU per request; most of the difference is the library's
    # (requests one page at a time against aiohttp with 32 in flight), less
    # of it the threads' (the thread pool against one page at a time).
    threads, sequential = row("threads", 0), row("sequential", 0)
    asyncio_32 = row("asyncio-32", 0)
    assert threads["cpu_us"] > 3 * asyncio_32["cpu_us"]
    assert sequential["cpu_us"] > 3 * asyncio_32["cpu_us"]
    library = sequential["cpu_us"] - asyncio_32["cpu_us"]
    assert library > threads["cpu_us"] - sequential["cpu_us"] > 0
    # The thread pool is no faster than one after another and keeps about one
    # core busy; the process pool alone keeps well over one core busy, and
    # beats it.
    assert threads["seconds"] > 0.95 * sequential["seconds"]
    assert 80 < threads["busy"] < 110
    assert row("processes", 0)["busy"] > 150
    assert all(
        row(a, 0)["busy"] < 110 for a in report.APPROACH_NAMES if a != "processes"
    )
    assert row("processes", 0)["seconds"] < threads["seconds"]
    # Memory: a thread costs more than ten tasks; a task has no kernel stack;
    # a thread reserves its whole stack in the address space.
    idle = {r["kind"]: r for r in report.idle_rows(data) if r["count"] >= 10_000}
    assert (
        idle["threads"]["rss"] + idle["threads"]["kernel"] > 10 * idle["tasks"]["rss"]
    )
    assert idle["tasks"]["kernel"] < 0.1
    assert idle["threads"]["address"] >= data["machine"]["stack_limit_kib"]
    switches = report.switch_us(data)
    assert switches["threads"] > switches["tasks"]


@pytest.mark.slow
def test_crawler_measurement_smoke_run(tmp_path):
    """The crawler chapter's measurement still runs, and obeys the lower bound."""
    output = tmp_path / "crawler.json"
    command = [sys.executable, "-m", "fieldguide.benchmark.crawler", "--smoke"]
    result = subprocess.run(
        [*command, "--output", str(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(output.read_text())
    runs = data["runs"]
    measured = {(run["approach"], run["concurrency"]) for run in runs}
    assert measured == {
        (approach, concurrency)
        for approach in ("crawler", "bare", "threads")
        for concurrency in (4, 20)
    } | {("per-request", 20), ("crawler-links", 20), ("crawler-no-titles", 20)}
    for run in runs:
        assert len(run["samples"]) == 1
        assert run["samples"][0]["seconds"] >= run["lower_bound_seconds"]
        # The parser's time inside the crawl, wherever the parser reads.
        reads = run["approach"] in ("crawler", "crawler-links")
        assert ("feed_us" in run["samples"][0]) == reads
    parse = data["parse"]
    # Reading the whole page costs more than reading up to its title.
    assert parse["html_parser_whole_us"] > parse["html_parser_title_us"] > 0
    assert parse["lxml_whole_us"] > 0
    assert parse["page_links"] == 10


@pytest.mark.slow
def test_server_measurement_smoke_run(tmp_path):
    """The server chapter's measurement still runs, and measures each layer."""
    output = tmp_path / "server.json"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "fieldguide.benchmark.app",
            "--smoke",
            "-o",
            str(output),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    runs = json.loads(output.read_text())["runs"]
    assert {(run["variant"], run["kind"]) for run in runs} == {
        ("floor", "get"),
        ("middleware", "get"),
        ("app", "get"),
        ("app", "post"),
    }
    for run in runs:
        (sample,) = run["samples"]
        assert sample["seconds"] > 0
        assert sample["server_loop_seconds"] > 0
        # Only the application has a store, and its thread did the queries.
        assert (sample["server_store_seconds"] > 0) == (run["variant"] == "app")


@pytest.mark.parametrize(
    ("page", "prefix", "at_least"),
    [("case-study-crawler", "crawler.", 30), ("case-study-server", "server.", 10)],
)
def test_every_figure_on_a_case_study_page_is_the_datas(site, page, prefix, at_least):
    html = (site / page / "index.html").read_text(encoding="utf-8")
    expected = report.figures(report.load())
    shown = _FIGURE.findall(html)
    assert len(shown) > at_least
    for key, text in shown:
        assert key.startswith(prefix), key
        assert unescape(text) == expected[key], key


def test_the_server_chapters_conclusions_hold_for_the_data():
    # Each assertion is a sentence of the server chapter's "How fast is it?";
    # when `make bench-server` gives numbers that break one, rewrite it.
    data = report.load()
    rows = {(row["variant"], row["kind"]): row for row in report.server_rows(data)}
    floor, middle = rows[("floor", "get")], rows[("middleware", "get")]
    read, write = rows[("app", "get")], rows[("app", "post")]
    # "Those rates are set by CPU time": the server kept a core busy, and one
    # core's seconds over its CPU per request is about the rate it reached.
    assert read["busy"] >= 90
    assert 0.85 < read["rate"] * read["server_us"] / 1e6 < 1.15
    # "Most of that time is aiohttp's."
    assert floor["loop_us"] / read["loop_us"] > 0.6
    # "The middlewares added less than the medians moved from round to round."
    n = data["server"]["settings"]["requests"]
    (runs,) = [r for r in data["server"]["runs"] if r["variant"] == "floor"]
    per_round = [s["server_loop_seconds"] * 1e6 / n for s in runs["samples"]]
    assert abs(middle["loop_us"] - floor["loop_us"]) < max(per_round) - min(per_round)
    # The store costs the loop's thread something, and its own thread more
    # than nothing; a write costs the store about what a read does.
    assert read["loop_us"] > middle["loop_us"]
    assert read["store_us"] > 0
    assert 0.7 < write["store_us"] / read["store_us"] < 1.3
    # "and the loop's thread a little more"
    assert write["loop_us"] > read["loop_us"]
    # "The client side cost about as much as the server."
    assert 0.7 < read["client_us"] / read["server_us"] < 1.4
