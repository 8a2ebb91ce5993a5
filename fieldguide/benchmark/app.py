"""Measure the server chapter's application: ``python -m fieldguide.benchmark.app``.

The application (examples/case-study-server/notes_app.py) serves from one
process and a load client (``app_client``) sends it requests from another,
both on 127.0.0.1 and on the same cores. To show where the time goes, the
same reads are also served by aiohttp alone and by aiohttp with the
application's middlewares (see ``app_server``); the application also takes
writes. Each run starts a fresh server, warms it up, and reads the CPU time
of its event loop's thread and of its store's thread around the timed load.
The order rotates from one round to the next. ``--smoke`` is a run of
seconds, for the tests. Results go to ``benchmarks/server.json``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import time
from pathlib import Path

from fieldguide.benchmark import SERVER_RESULTS
from fieldguide.benchmark.__main__ import (
    Server,
    _python,
    _rotated,
    _say,
    describe_machine,
)

# (server variant, kind of request)
CONFIGS = [("floor", "get"), ("middleware", "get"), ("app", "get"), ("app", "post")]
FULL = {"repeats": 5, "requests": 20_000, "concurrency": 50, "warm_up": 1_000}
SMOKE = {"repeats": 1, "requests": 200, "concurrency": 10, "warm_up": 20}


class AppServer(Server):
    """One variant of the application, in a process of its own."""

    def __init__(self, variant: str) -> None:
        super().__init__("app_server", variant)

    def __enter__(self) -> AppServer:
        self.port = super().__enter__()
        return self

    def cpu(self) -> dict:
        """The server's CPU seconds so far: process, loop thread, store thread."""
        self.process.stdin.write("\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())


def run(settings: dict) -> list[dict]:
    configs = [
        {"variant": variant, "kind": kind, "samples": []} for variant, kind in CONFIGS
    ]
    n, concurrency = settings["requests"], settings["concurrency"]
    for round_ in range(settings["repeats"]):
        for config in _rotated(configs, round_):
            with AppServer(config["variant"]) as server:
                warm = settings["warm_up"]
                _python("app_client", server.port, config["kind"], warm, concurrency,
                        timeout=120)  # fmt: skip
                before = server.cpu()
                sample = _python(
                    "app_client", server.port, config["kind"], n, concurrency,
                    timeout=600,
                )  # fmt: skip
                after = server.cpu()
            for part in ("process", "loop", "store"):
                sample[f"server_{part}_seconds"] = after[part] - before[part]
            config["samples"].append(sample)
            _say(
                f"round {round_ + 1}: {config['variant']:>10} {config['kind']}: "
                f"{n / sample['seconds']:,.0f} requests/s"
            )
    return configs


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="seconds, for the tests")
    parser.add_argument("-o", "--output", type=Path, default=SERVER_RESULTS)
    args = parser.parse_args(argv)
    if not args.output.parent.is_dir():
        parser.error(f"--output: no folder {args.output.parent}")
    settings = dict(SMOKE if args.smoke else FULL)
    started = time.perf_counter()
    results = {
        "date": datetime.date.today().isoformat(),
        "load_average_before": [round(x, 2) for x in os.getloadavg()],
        "machine": describe_machine(),
        "settings": settings,
        "runs": run(settings),
    }
    results["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    results["minutes"] = round((time.perf_counter() - started) / 60, 1)
    args.output.write_text(json.dumps(results, indent=1) + "\n")
    _say(f"wrote {args.output} after {results['minutes']} minutes")


if __name__ == "__main__":
    main()
