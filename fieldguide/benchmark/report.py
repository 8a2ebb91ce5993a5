"""The chapter's tables, figures and plots, drawn from ``benchmarks/results.json``.

Pages use three directives (the MkDocs hook expands them):

- ``{{ bench("idle.threads.10000.rss") }}`` anywhere in a line: one figure;
- ``{{ bench_table("http-50") }}`` on a line of its own: a Markdown table;
- ``{{ bench_plot("http") }}`` on a line of its own: a plot, as two SVG
  images, one for each colour scheme (Material shows the one that matches).

Every number these produce is worked out here from the raw samples; nothing on
the page is typed by hand. Each generated figure is wrapped in
``<span class="bench-figure" data-key="...">`` so that the tests can find it.
"""

from __future__ import annotations

import ast
import functools
import io
import json
import re
import statistics
from pathlib import Path

from fieldguide.benchmark import CRAWLER_RESULTS, RESULTS, SERVER_RESULTS
from fieldguide.plot_style import svg_style

APPROACH_NAMES = {
    "sequential": "Sequential",
    "threads": "Thread pool",
    "processes": "Process pool",
    "asyncio": "asyncio, 100 connections",
    "asyncio-32": "asyncio, 32 connections",
}
PLOTS = ("http", "idle")
PALETTES = {
    # text, grid, then one colour per approach; each readable on its background.
    "light": (
        "#1f2328",
        "#d0d7de",
        ["#6e7781", "#0969da", "#8250df", "#bc4c00", "#1a7f37"],
    ),
    "dark": (
        "#e6edf3",
        "#3d444d",
        ["#9198a1", "#58a6ff", "#bc8cff", "#f0883e", "#3fb950"],
    ),
}


class ReportError(Exception):
    """A directive names something the results do not have."""


def load(
    path: Path = RESULTS, crawler: Path = CRAWLER_RESULTS, server: Path = SERVER_RESULTS
) -> dict:
    """The results, with the crawler's and the server's chapters' if there are any."""
    data = dict(_load(path, path.stat().st_mtime_ns))
    if crawler.exists():
        data["crawler"] = _load(crawler, crawler.stat().st_mtime_ns)
    if server.exists():
        data["server"] = _load(server, server.stat().st_mtime_ns)
    return data


@functools.cache
def _load(path: Path, _mtime: int) -> dict:
    return json.loads(path.read_text())


# -- numbers -------------------------------------------------------------------


def seconds(value: float) -> str:
    return f"{value:.1f} s" if value >= 10 else f"{value:.2f} s"


def per_second(value: float) -> str:
    return f"{value:,.0f}/s"


def kib(value: float) -> str:
    value = round(value, 1) or 0.0  # a tiny negative (system-wide noise) is 0.0
    return f"{value:,.1f} KiB" if value < 100 else f"{value:,.0f} KiB"


def micro(value: float) -> str:
    return f"{value:.1f} µs" if value < 10 else f"{value:,.0f} µs"


def times(value: float) -> str:
    sign = "\N{MULTIPLICATION SIGN}"
    return f"{value:.1f}{sign}" if value < 10 else f"{value:,.0f}{sign}"


def median(samples: list[dict], field: str) -> float:
    return statistics.median(sample[field] for sample in samples)


def http_rows(data: dict) -> list[dict]:
    """One row per (approach, requests, delay): the medians and what they mean."""
    rows = []
    for config in data["http"]:
        row = dict(config)
        if config["samples"]:
            took = median(config["samples"], "seconds")
            row["seconds"] = took
            row["rate"] = config["requests"] / took
            row["cpu_us"] = (
                median(config["samples"], "cpu_seconds") * 1e6 / (config["requests"])
            )
            row["server_cpu_us"] = (
                median(config["samples"], "server_cpu_seconds")
                * 1e6
                / config["requests"]
            )
            # CPU seconds per wall-clock second: 100% is one core kept busy.
            row["busy"] = 100 * median(config["samples"], "cpu_seconds") / took
            if config["delay_ms"]:
                row["percent"] = 100 * config["lower_bound_seconds"] / took
                row["best_rate"] = config["concurrency"] * 1000 / config["delay_ms"]
        rows.append(row)
    return rows


def crawler_rows(data: dict) -> list[dict]:
    """One row per (approach, concurrency) of the crawler chapter's runs."""
    rows = []
    for config in data["crawler"]["runs"]:
        took = median(config["samples"], "seconds")
        cpu = median(config["samples"], "cpu_seconds")
        rows.append(
            {
                **config,
                "seconds": took,
                "percent": 100 * config["lower_bound_seconds"] / took,
                "rate": config["requests"] / took,
                "cpu_us": cpu * 1e6 / config["requests"],
                "busy": 100 * cpu / took,
                "system": 100 * median(config["samples"], "system_seconds") / cpu,
                "server_cpu_us": median(config["samples"], "server_cpu_seconds")
                * 1e6
                / config["requests"],
                "rss_mib": median(config["samples"], "peak_rss_kib") / 1024,
            }
        )
    return rows


def server_rows(data: dict) -> list[dict]:
    """One row per (variant, kind) of the server chapter's runs, per request."""
    runs = data["server"]
    n = runs["settings"]["requests"]
    rows = []
    for config in runs["runs"]:
        samples = config["samples"]
        took = median(samples, "seconds")
        rows.append(
            {
                **config,
                "rate": n / took,
                "client_us": median(samples, "cpu_seconds") * 1e6 / n,
                "server_us": median(samples, "server_process_seconds") * 1e6 / n,
                "loop_us": median(samples, "server_loop_seconds") * 1e6 / n,
                "store_us": median(samples, "server_store_seconds") * 1e6 / n,
                # The server's CPU seconds per wall-clock second.
                "busy": 100 * median(samples, "server_process_seconds") / took,
            }
        )
    return rows


def server_figures(data: dict) -> dict[str, str]:
    """The server chapter's figures: ``server.<variant>.<kind>.<what>``."""
    runs = data["server"]
    found = {
        "server.date": runs["date"],
        "server.minutes": f"{runs['minutes']:g}",
        "server.repeats": str(runs["settings"]["repeats"]),
        "server.requests": f"{runs['settings']['requests']:,}",
        "server.concurrency": str(runs["settings"]["concurrency"]),
        "server.machine.cpu": runs["machine"]["cpu"],
        "server.machine.cores": str(runs["machine"]["cores"]),
        "server.machine.python": runs["machine"]["python"],
    }
    rows = {(row["variant"], row["kind"]): row for row in server_rows(data)}
    for (variant, kind), row in rows.items():
        key = f"server.{variant}.{kind}"
        found[f"{key}.rate"] = per_second(row["rate"])
        found[f"{key}.busy"] = f"{row['busy']:.0f}%"
        for what in ("client", "server", "loop", "store"):
            found[f"{key}.{what}"] = micro(row[f"{what}_us"])
        if variant != "app":
            found[f"{key}.store"] = "none"  # no store, no store thread
    floor, middle, app = (rows[(v, "get")] for v in ("floor", "middleware", "app"))
    # What each layer adds to the loop's CPU time per read.
    found["server.adds.middleware"] = micro(middle["loop_us"] - floor["loop_us"])
    found["server.adds.store"] = micro(app["loop_us"] - middle["loop_us"])
    found["server.ratio.app_over_floor"] = times(app["server_us"] / floor["server_us"])
    found["server.share.floor"] = f"{100 * floor['loop_us'] / app['loop_us']:.0f}%"
    return found


def crawler_figures(data: dict) -> dict[str, str]:
    """The crawler chapter's figures: ``crawler.<approach>.<concurrency>.<what>``."""
    runs = data["crawler"]
    found = {
        "crawler.date": runs["date"],
        "crawler.minutes": f"{runs['minutes']:g}",
        "crawler.repeats": str(runs["settings"]["repeats"]),
        "crawler.requests": f"{runs['settings']['requests']:,}",
        "crawler.delay": f"{runs['settings']['delay_ms']} ms",
        "crawler.machine.cpu": runs["machine"]["cpu"],
        "crawler.machine.cores": str(runs["machine"]["cores"]),
        "crawler.machine.python": runs["machine"]["python"],
    }
    by_config = {}
    for row in crawler_rows(data):
        key = f"crawler.{row['approach']}.{row['concurrency']}"
        by_config[row["approach"], row["concurrency"]] = row
        found[f"{key}.limit"] = seconds(row["lower_bound_seconds"])
        found[f"{key}.seconds"] = seconds(row["seconds"])
        found[f"{key}.percent"] = f"{row['percent']:.0f}%"
        found[f"{key}.rate"] = per_second(row["rate"])
        found[f"{key}.cpu"] = micro(row["cpu_us"])
        found[f"{key}.busy"] = f"{row['busy']:.0f}%"
        found[f"{key}.system"] = f"{row['system']:.0f}%"
        found[f"{key}.server_cpu"] = micro(row["server_cpu_us"])
        found[f"{key}.rss"] = f"{row['rss_mib']:,.0f} MiB"
        if "feed_us" in row["samples"][0]:  # the parser's time inside the crawl
            found[f"{key}.feed"] = micro(median(row["samples"], "feed_us"))
    # How far apart the rounds were: highest over lowest, for any figure.
    spread = max(
        max(values) / min(values)
        for config in runs["runs"]
        for field in ("seconds", "cpu_seconds")
        for values in [[sample[field] for sample in config["samples"]]]
    )
    found["crawler.spread"] = f"{spread:.1f}"
    parse = runs["parse"]
    found["crawler.parse.bytes"] = f"{parse['page_bytes']:,}"
    found["crawler.parse.links"] = str(parse["page_links"])
    found["crawler.parse.title"] = micro(parse["html_parser_title_us"])
    found["crawler.parse.whole"] = micro(parse["html_parser_whole_us"])
    found["crawler.parse.lxml"] = micro(parse["lxml_whole_us"])
    found["crawler.parse.resolve"] = micro(parse["links_resolve_us"])
    found["crawler.parse.lxml_version"] = parse["lxml_version"]
    found["crawler.parse.ratio"] = (
        f"{parse['html_parser_whole_us'] / parse['lxml_whole_us']:.0f}"
    )
    for (approach, concurrency), row in by_config.items():
        if approach == "crawler-no-titles":  # what reading titles costs
            with_titles = by_config[("crawler", concurrency)]
            found[f"crawler.titles_cost.{concurrency}"] = micro(
                with_titles["cpu_us"] - row["cpu_us"]
            )
        bare = by_config.get(("bare", concurrency))
        if approach != "bare" and bare:
            key = f"crawler.ratio.{approach}_over_bare.{concurrency}"
            found[f"{key}.time"] = f"{row['seconds'] / bare['seconds']:.2f}"
            found[f"{key}.cpu"] = f"{row['cpu_us'] / bare['cpu_us']:.2f}"
            found[f"{key}.cpu_more"] = micro(row["cpu_us"] - bare["cpu_us"])
    return found


def idle_rows(data: dict) -> list[dict]:
    return [
        {
            "kind": config["kind"],
            "count": config["count"],
            "rss": median(config["samples"], "rss_kib_each"),
            "kernel": median(config["samples"], "kernel_stack_kib_each"),
            "address": median(config["samples"], "address_space_kib_each"),
            "peak_mib": median(config["samples"], "peak_rss_kib") / 1024,
        }
        for config in data["idle"]
    ]


def switch_us(data: dict) -> dict[str, float]:
    return {
        config["kind"]: median(config["samples"], "seconds_each") * 1e6
        for config in data["switch"]
    }


def figures(data: dict) -> dict[str, str]:
    """Every figure a page may quote, by key (``bench("KEY")``)."""
    machine = data["machine"]
    found = {
        "date": data["date"],
        "minutes": f"{data['minutes']:g}",
        "repeats": str(data["settings"]["repeats"]),
        "max_run": seconds(data["settings"]["max_run_seconds"]),
        "machine.cpu": machine["cpu"],
        "machine.cores": str(machine["cores"]),
        "machine.memory": f"{machine['memory_gib']:g} GiB",
        "machine.system": machine["system"],
        "machine.python": machine["python"],
        "machine.stack_limit": kib(machine["stack_limit_kib"]),
        "machine.start_method": machine["process_start_method"],
    }
    for name, version in machine["libraries"].items():
        found[f"version.{name}"] = version
    by_config = {}
    for row in http_rows(data):
        key = f"http.{row['approach']}.{row['requests']}.{row['delay_ms']}"
        by_config[row["approach"], row["requests"], row["delay_ms"]] = row
        found[f"{key}.limit"] = seconds(row["lower_bound_seconds"])
        if "seconds" not in row:
            continue
        found[f"{key}.seconds"] = seconds(row["seconds"])
        found[f"{key}.rate"] = per_second(row["rate"])
        found[f"{key}.cpu"] = micro(row["cpu_us"])
        found[f"{key}.server_cpu"] = micro(row["server_cpu_us"])
        found[f"{key}.busy"] = f"{row['busy']:.0f}%"
        if "percent" in row:
            found[f"{key}.percent"] = f"{row['percent']:.0f}%"
            found[f"{key}.best_rate"] = per_second(row["best_rate"])
            # Client CPU for one wave: every request in flight handled once.
            wave_ms = row["cpu_us"] * row["concurrency"] / 1000
            found[f"{key}.wave_cpu"] = f"{wave_ms:.0f} ms"
    for (approach, n, delay), row in by_config.items():
        # How many times as long the thread pool (or the sequential client)
        # took as this approach, and how many times its CPU per request.
        for base in ("threads", "sequential"):
            other = by_config[(base, n, delay)]
            if approach != base and "seconds" in row and "seconds" in other:
                key = f"ratio.{base}_over_{approach}.{n}.{delay}"
                found[f"{key}.time"] = times(other["seconds"] / row["seconds"])
                found[f"{key}.cpu"] = times(other["cpu_us"] / row["cpu_us"])
    for row in idle_rows(data):
        key = f"idle.{row['kind']}.{row['count']}"
        found[f"{key}.rss"] = kib(row["rss"])
        found[f"{key}.kernel"] = kib(row["kernel"])
        found[f"{key}.address"] = kib(row["address"])
        found[f"{key}.peak"] = f"{row['peak_mib']:,.0f} MiB"
    tasks = max((r for r in idle_rows(data) if r["kind"] == "tasks"), key=_count)
    threads = max((r for r in idle_rows(data) if r["kind"] == "threads"), key=_count)
    found["ratio.thread_over_task.rss"] = times(threads["rss"] / tasks["rss"])
    found["ratio.thread_over_task.memory"] = times(
        (threads["rss"] + threads["kernel"]) / tasks["rss"]
    )
    switches = switch_us(data)
    for kind, value in switches.items():
        found[f"switch.{kind}"] = micro(value)
    found["ratio.thread_over_task.switch"] = times(
        switches["threads"] / switches["tasks"]
    )
    if "crawler" in data:
        found.update(crawler_figures(data))
    if "server" in data:
        found.update(server_figures(data))
    return found


def _count(row: dict) -> int:
    return row["count"]


def figure(data: dict, key: str) -> str:
    found = figures(data)
    if key not in found:
        near = [k for k in found if k.startswith(key.rsplit(".", 1)[0])]
        raise ReportError(
            f"no figure {key!r} in the results; "
            f"near it: {', '.join(near[:12]) or 'none'}"
        )
    return found[key]


# -- tables --------------------------------------------------------------------


def _span(text: str, key: str) -> str:
    return f'<span class="bench-figure" data-key="{key}">{text}</span>'


def table(data: dict, name: str) -> str:
    makers = {
        "http-0": _http_table_no_delay,
        "http-50": _http_table_delay,
        "idle": _idle_table,
        "switch": _switch_table,
        "machine": _machine_table,
        "crawler": _crawler_table,
        "server": _server_table,
    }
    if name not in makers:
        raise ReportError(f"no table {name!r}; there are {', '.join(makers)}")
    return makers[name](data)


def _markdown(header: list[str], rows: list[list[str]], align: str) -> str:
    lines = ["| " + " | ".join(header) + " |"]
    lines.append("| " + " | ".join("---:" if a == "r" else "---" for a in align) + " |")
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _fig(found: dict[str, str], key: str) -> str:
    return _span(found[key], key) if key in found else "not run"


def _http_table_no_delay(data: dict) -> str:
    found = figures(data)
    rows = []
    for row in http_rows(data):
        if row["delay_ms"]:
            continue
        key = f"http.{row['approach']}.{row['requests']}.0"
        rows.append(
            [
                APPROACH_NAMES[row["approach"]],
                f"{row['requests']:,}",
                str(row["concurrency"]),
                _fig(found, f"{key}.seconds"),
                _fig(found, f"{key}.rate"),
                _fig(found, f"{key}.cpu"),
                _fig(found, f"{key}.server_cpu"),
                _fig(found, f"{key}.busy"),
            ]
        )
    header = [
        "Approach",
        "Requests",
        "In flight",
        "Median time",
        "Requests per second",
        "Client CPU per request",
        "Server CPU per request",
        "Client CPU ÷ time",
    ]
    return _markdown(header, rows, "lrrrrrrr")


def _http_table_delay(data: dict) -> str:
    found = figures(data)
    rows = []
    for row in http_rows(data):
        if not row["delay_ms"]:
            continue
        key = f"http.{row['approach']}.{row['requests']}.{row['delay_ms']}"
        took = _fig(found, f"{key}.seconds")
        if "skipped" in row:
            took = "not run: the bound exceeds the " + _fig(found, "max_run")
            took += " allowed per run"
        rows.append(
            [
                APPROACH_NAMES[row["approach"]],
                f"{row['requests']:,}",
                str(row["concurrency"]),
                _fig(found, f"{key}.limit"),
                took,
                _fig(found, f"{key}.percent") if "seconds" in row else "",
                _fig(found, f"{key}.cpu") if "seconds" in row else "",
                _fig(found, f"{key}.busy") if "seconds" in row else "",
            ]
        )
    header = [
        "Approach",
        "Requests",
        "In flight",
        "Lower bound",
        "Median time",
        "Share of the bound",
        "Client CPU per request",
        "Client CPU ÷ time",
    ]
    return _markdown(header, rows, "lrrrrrrr")


def _idle_table(data: dict) -> str:
    found = figures(data)
    rows = []
    for row in idle_rows(data):
        key = f"idle.{row['kind']}.{row['count']}"
        rows.append(
            [
                f"{row['count']:,} idle {row['kind']}",
                _fig(found, f"{key}.rss"),
                _fig(found, f"{key}.kernel"),
                _fig(found, f"{key}.address"),
                _fig(found, f"{key}.peak"),
            ]
        )
    header = [
        "What waits",
        "Resident memory each",
        "Kernel stack each",
        "Address space each",
        "Peak resident, whole process",
    ]
    return _markdown(header, rows, "lrrrr")


def _switch_table(data: dict) -> str:
    found = figures(data)
    rows = [
        ["Task to task (`await asyncio.sleep(0)`)", _fig(found, "switch.tasks")],
        ["Thread to thread (through a queue)", _fig(found, "switch.threads")],
    ]
    return _markdown(["Switch", "Median time each"], rows, "lr")


CRAWLER_NAMES = {
    "crawler": "The finished crawler",
    "crawler-no-titles": "The crawler, reading no titles",
    "crawler-links": "The crawler, following links",
    "bare": "Bare aiohttp loop",
    "per-request": "Bare loop, a session per request",
    "threads": "Thread pool",
}


def _crawler_table(data: dict) -> str:
    if "crawler" not in data:
        raise ReportError("no crawler results: run `make bench-crawler`")
    found = figures(data)
    rows = []
    for row in crawler_rows(data):
        key = f"crawler.{row['approach']}.{row['concurrency']}"
        rows.append(
            [
                CRAWLER_NAMES[row["approach"]],
                str(row["concurrency"]),
                _fig(found, f"{key}.seconds"),
                _fig(found, f"{key}.limit"),
                _fig(found, f"{key}.percent"),
                _fig(found, f"{key}.rate"),
                _fig(found, f"{key}.cpu"),
                _fig(found, f"{key}.rss"),
            ]
        )
    header = [
        "Client",
        "In flight",
        "Time (median)",
        "Lower bound",
        "Bound / time",
        "Requests per second",
        "Client CPU per request",
        "Peak memory",
    ]
    return _markdown(header, rows, "lrrrrrrr")


SERVER_NAMES = {
    ("floor", "get"): "aiohttp alone, a fixed note",
    ("middleware", "get"): "the same, behind the three middlewares",
    ("app", "get"): "the application: read a note",
    ("app", "post"): "the application: write a note",
}


def _server_table(data: dict) -> str:
    if "server" not in data:
        raise ReportError("no server results: run `make bench-server`")
    found = figures(data)
    rows = []
    for variant, kind in SERVER_NAMES:
        key = f"server.{variant}.{kind}"
        rows.append(
            [SERVER_NAMES[(variant, kind)]]
            + [
                _fig(found, f"{key}.{what}")
                for what in ("rate", "server", "loop", "store", "client")
            ]
        )
    header = [
        "Served",
        "Requests per second",
        "Server CPU per request",
        "of which the loop's thread",
        "the store's thread",
        "Client CPU per request",
    ]
    return _markdown(header, rows, "lrrrrr")


def _machine_table(data: dict) -> str:
    found = figures(data)
    rows = [
        ["Date", _fig(found, "date")],
        [
            "Processor",
            f"{_fig(found, 'machine.cpu')}, {_fig(found, 'machine.cores')} cores",
        ],
        ["Memory", _fig(found, "machine.memory")],
        ["System", _fig(found, "machine.system")],
        ["Python", _fig(found, "machine.python")],
        [
            "Libraries",
            f"aiohttp {_fig(found, 'version.aiohttp')}, "
            f"requests {_fig(found, 'version.requests')}",
        ],
        ["Rounds per figure (the median is shown)", _fig(found, "repeats")],
        ["Whole benchmark", f"{_fig(found, 'minutes')} minutes"],
    ]
    return _markdown(["Measured on", ""], rows, "ll")


# -- plots ---------------------------------------------------------------------


def plot_file(name: str, palette: str, path: Path = RESULTS) -> bytes:
    """A plot drawn from the results file (cached until the file changes)."""
    return _plot_file(name, palette, path, path.stat().st_mtime_ns)


@functools.cache
def _plot_file(name: str, palette: str, path: Path, mtime: int) -> bytes:
    return plot_svg(_load(path, mtime), name, palette)


def plot_svg(data: dict, name: str, palette: str) -> bytes:
    """One plot as SVG text, for the light or the dark colour scheme."""
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    text, grid, colours = PALETTES[palette]
    style = svg_style(text, grid, salt="fieldguide", font_size=11)
    with rc_context(style):
        figure = Figure(figsize=(8, 4.8), layout="constrained")
        axes = figure.add_subplot()
        {"http": _plot_http, "idle": _plot_idle}[name](data, axes, colours)
        axes.spines[["top", "right"]].set_visible(False)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def _plot_http(data: dict, axes, colours: list[str]) -> None:
    rows = http_rows(data)
    jobs = sorted({(row["delay_ms"], row["requests"]) for row in rows})
    width = 0.8 / len(APPROACH_NAMES)
    for index, (approach, label) in enumerate(APPROACH_NAMES.items()):
        xs, ys = [], []
        for position, (delay, n) in enumerate(jobs):
            row = next(
                r
                for r in rows
                if (r["approach"], r["delay_ms"], r["requests"]) == (approach, delay, n)
            )
            x = position + (index - (len(APPROACH_NAMES) - 1) / 2) * width
            if "rate" in row:
                xs.append(x)
                ys.append(row["rate"])
            if "best_rate" in row:
                # The most this approach could do: concurrency / delay.
                axes.hlines(
                    row["best_rate"],
                    x - width / 2,
                    x + width / 2,
                    colors=colours[index],
                    linestyles="dotted",
                )
        axes.bar(xs, ys, width * 0.9, label=label, color=colours[index])
    axes.set_yscale("log")
    axes.set_xticks(
        range(len(jobs)),
        [f"{n:,} requests\n{delay} ms delay" for delay, n in jobs],
    )
    axes.set_ylabel("Requests per second (log scale)")
    axes.grid(axis="y", which="major")
    axes.set_axisbelow(True)
    axes.figure.legend(
        loc="outside lower center",
        ncols=3,
        title="Bars: the measured median. Dotted lines: the most it could do "
        "(requests in flight ÷ delay)",
    )


def _plot_idle(data: dict, axes, colours: list[str]) -> None:
    rows = idle_rows(data)
    labels = [f"{row['count']:,} idle {row['kind']}" for row in rows]
    positions = range(len(rows))
    rss = [row["rss"] for row in rows]
    kernel = [row["kernel"] for row in rows]
    axes.barh(positions, rss, 0.6, color=colours[3], label="Resident memory (RSS)")
    axes.barh(
        positions,
        kernel,
        0.6,
        left=rss,
        color=colours[1],
        label="Kernel stack (outside RSS)",
    )
    for position, row in zip(positions, rows, strict=True):
        axes.text(
            row["rss"] + row["kernel"],
            position,
            f"  {kib(row['rss'] + row['kernel'])}",
            va="center",
        )
    axes.set_yticks(positions, labels)
    axes.invert_yaxis()
    axes.set_xlabel("Memory per idle task or thread (KiB)")
    axes.grid(axis="x")
    axes.set_axisbelow(True)
    axes.set_xlim(0, 1.2 * max(r + k for r, k in zip(rss, kernel, strict=True)))
    axes.figure.legend(loc="outside lower center", ncols=2)


def plot_alt(name: str) -> str:
    if name == "http":
        return (
            "Bar chart of requests per second for each approach, at 0 ms and "
            "50 ms delay; the figures are in the tables beside it"
        )
    return (
        "Bar chart of memory per idle task and per idle thread; "
        "the figures are in the table beside it"
    )


# -- directives ----------------------------------------------------------------

_INLINE = re.compile(r"\{\{\s*bench\((?P<args>[^)]*)\)\s*\}\}")
_BLOCK = re.compile(
    r"^(?P<indent>[ \t]*)\{\{\s*bench_(?P<kind>table|plot)"
    r"\((?P<args>[^)]*)\)\s*\}\}\s*$"
)


def _argument(source: str, where: str, usage: str) -> str:
    try:
        value = ast.literal_eval(source.strip())
    except (SyntaxError, ValueError):
        value = None
    if not isinstance(value, str):
        raise ReportError(f"{where}: cannot read ({source}): {usage}")
    return value


def plot_path(name: str, palette: str) -> str:
    """Where a plot lives in the site, relative to the site's root."""
    return f"benchmarks/{name}-{palette}.svg"


def expand(markdown: str, page: Path, page_depth: int, data: dict) -> str:
    """Replace the bench directives in a page's Markdown with what they make.

    ``page_depth`` is how many folders below docs/ the page's source sits, so
    that links to the plots are relative to it.
    """
    if "bench" not in markdown:
        return markdown
    out = []
    for number, line in enumerate(markdown.splitlines(), start=1):
        where = f"{page}:{number}"
        try:
            block = _BLOCK.match(line)
            if block:
                name = _argument(block["args"], where, 'bench_table("http-50")')
                if block["kind"] == "table":
                    made = table(data, name)
                else:
                    if name not in PLOTS:
                        raise ReportError(f"no plot {name!r}; there are {PLOTS}")
                    up = "../" * page_depth
                    alt = plot_alt(name)
                    made = "\n\n".join(
                        f"![{alt}]({up}{plot_path(name, palette)}#only-{palette})"
                        "{ .bench-plot }"
                        for palette in PALETTES
                    )
                out.extend(block["indent"] + text for text in made.splitlines())
                continue

            def inline(match: re.Match, where: str = where) -> str:
                key = _argument(match["args"], where, 'bench("switch.tasks")')
                return _span(figure(data, key), key)

            out.append(_INLINE.sub(inline, line))
        except ReportError as error:
            message = str(error)
            raise ReportError(
                message if message.startswith(str(page)) else f"{where}: {message}"
            ) from None
    return "\n".join(out) + ("\n" if markdown.endswith("\n") else "")
