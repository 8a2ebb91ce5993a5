"""Measure the crawler chapter's tool: ``python -m fieldguide.benchmark.crawler``.

The finished crawler (examples/case-study-crawler/crawl.py), a bare aiohttp
loop (one session and a semaphore) and a thread pool fetch the same HTML pages
from the benchmark's server, at several bounds on the requests in flight; at
some bounds, so do the bare loop with a session per request, the crawler
finding the pages by following their links, and the crawler with its HTML
parser made to read nothing. Each run is a fresh interpreter
on 127.0.0.1; the order rotates from one round to the next. The cost of
parsing one page, with html.parser and with lxml, is measured too.
``--smoke`` is a run of seconds, for the tests. Results go to
``benchmarks/crawler.json``, with the machine they ran on.
"""

from __future__ import annotations

import argparse
import collections
import datetime
import json
import math
import os
import sys
import time
from pathlib import Path

from fieldguide.benchmark import CRAWLER_RESULTS
from fieldguide.benchmark.__main__ import (
    Server,
    _python,
    _rotated,
    _say,
    describe_machine,
)
from fieldguide.benchmark.server import site_links

APPROACHES = ("crawler", "bare", "threads")

# "extras": approaches measured at some bounds only: a session per request;
# the crawler following links (which parses whole pages); the crawler with
# its HTML parser made to read nothing (what the rest of its care costs).
FULL = {
    "repeats": 5,
    "requests": 10_000,
    "delay_ms": 50,
    "concurrency": [10, 100, 500],
    "extras": {
        "per-request": [100],
        "crawler-links": [100],
        "crawler-no-titles": [100, 500],
    },
}
SMOKE = {
    "repeats": 1,
    "requests": 40,
    "delay_ms": 10,
    "concurrency": [4, 20],
    "extras": {
        "per-request": [20],
        "crawler-links": [20],
        "crawler-no-titles": [20],
    },
}


def lower_bound_seconds(requests: int, concurrency: int, delay_ms: int) -> float:
    """Full waves of requests, each one delay long: no client can be faster."""
    return math.ceil(requests / concurrency) * delay_ms / 1000


def links_lower_bound_seconds(requests: int, concurrency: int, delay_ms: int) -> float:
    """The same for a crawler that must find the pages through their links,
    breadth first from page 0: a wave can start only the pages already found."""
    found, queue, waves = {0}, collections.deque([0]), 0
    while queue:
        wave = [queue.popleft() for _ in range(min(concurrency, len(queue)))]
        waves += 1
        for page in wave:
            for link in site_links(page, requests):
                if link not in found:
                    found.add(link)
                    queue.append(link)
    return waves * delay_ms / 1000


def run(settings: dict) -> list[dict]:
    groups = []  # the runs of one bound, whose order rotates from round to round
    for concurrency in settings["concurrency"]:
        approaches = list(APPROACHES) + [
            extra
            for extra, bounds in settings["extras"].items()
            if concurrency in bounds
        ]
        groups.append(
            [
                {
                    "approach": approach,
                    "requests": settings["requests"],
                    "delay_ms": settings["delay_ms"],
                    "concurrency": concurrency,
                    "lower_bound_seconds": (
                        links_lower_bound_seconds
                        if approach == "crawler-links"
                        else lower_bound_seconds
                    )(settings["requests"], concurrency, settings["delay_ms"]),
                    "samples": [],
                }
                for approach in approaches
            ]
        )
    with (server := Server()) as port:
        _python("crawl_client", "bare", 200, 0, port, 100, timeout=60)  # warm up
        for round_ in range(settings["repeats"]):
            for group in groups:
                for config in _rotated(group, round_):
                    server_cpu = server.cpu_seconds()
                    sample = _python(
                        "crawl_client",
                        config["approach"],
                        config["requests"],
                        config["delay_ms"],
                        port,
                        config["concurrency"],
                        timeout=max(120, 3 * config["lower_bound_seconds"]),
                    )
                    sample["server_cpu_seconds"] = server.cpu_seconds() - server_cpu
                    config["samples"].append(sample)
                    _say(
                        f"round {round_ + 1}: {config['approach']:>17} at "
                        f"{config['concurrency']:>3} in flight: "
                        f"{sample['seconds']:.2f} s"
                    )
    return [config for group in groups for config in group]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="seconds, for the tests")
    parser.add_argument("--repeats", type=int, help="rounds of every measurement")
    parser.add_argument("--output", type=Path, default=CRAWLER_RESULTS)
    args = parser.parse_args(argv)
    if sys.platform != "linux":
        parser.error("the CPU figures come from /proc: run it on Linux")
    settings = dict(SMOKE if args.smoke else FULL)
    if args.repeats is not None:
        if args.repeats < 1:
            parser.error(f"--repeats must be at least 1, not {args.repeats}")
        settings["repeats"] = args.repeats
    if not args.output.parent.is_dir():
        parser.error(f"--output: no folder {args.output.parent}")
    started = time.perf_counter()
    results = {
        "date": datetime.date.today().isoformat(),
        "load_average_before": [round(x, 2) for x in os.getloadavg()],
        "machine": describe_machine(),
        "settings": settings,
        "runs": run(settings),
        "parse": _python("crawl_client", "parse-costs", timeout=120),
    }
    results["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    results["minutes"] = round((time.perf_counter() - started) / 60, 1)
    args.output.write_text(json.dumps(results, indent=1) + "\n")
    _say(f"wrote {args.output} after {results['minutes']} minutes")


if __name__ == "__main__":
    main()
