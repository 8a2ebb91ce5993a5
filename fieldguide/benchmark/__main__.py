"""Run the benchmarks and write the results: ``python -m fieldguide.benchmark``.

``make bench`` runs the full set (about ten minutes); ``--smoke`` runs a tiny
version in seconds, which the test suite uses so that this script cannot rot.
Every run happens in a fresh interpreter, on 127.0.0.1 only; the order of the
approaches rotates from one round to the next so that a slow patch of the
machine does not fall on one approach every time. Results go to a JSON file
(``benchmarks/results.json`` by default) that keeps every sample.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import json
import math
import multiprocessing
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

from fieldguide.benchmark import RESULTS, ROOT

# Each approach: how the client runs (fieldguide.benchmark.client) and how many
# requests it has in flight at once. asyncio runs twice: with 100 connections,
# and with 32 to compare like with like against the pools.
APPROACHES = {
    "sequential": ("sequential", 1),
    "threads": ("threads", 32),
    "processes": ("processes", 32),
    "asyncio": ("asyncio", 100),
    "asyncio-32": ("asyncio", 32),
}

FULL = {
    "repeats": 5,
    "requests": [1_000, 10_000],
    "delays_ms": [0, 50],
    "max_run_seconds": 60,
    "idle_tasks": [10_000, 100_000],
    "idle_threads": [1_000, 10_000],
    "switch_rounds": 20_000,
}
SMOKE = {
    "repeats": 1,
    "requests": [20],
    "delays_ms": [0, 10],
    "max_run_seconds": 5,
    "idle_tasks": [1_000],
    "idle_threads": [100],
    "switch_rounds": 500,
}


def lower_bound_seconds(approach: str, requests: int, delay_ms: int) -> float:
    """The least time the run can take: full waves of requests, each one delay long."""
    return math.ceil(requests / APPROACHES[approach][1]) * delay_ms / 1000


def _python(module: str, *args: object, timeout: float) -> dict:
    """Run ``python -m fieldguide.benchmark.MODULE ARGS`` and return its JSON."""
    result = subprocess.run(
        [sys.executable, "-m", f"fieldguide.benchmark.{module}", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"{module} {' '.join(map(str, args))} failed:\n{result.stderr}"
        )
    return json.loads(result.stdout)


class Server:
    """The HTTP server, in a process of its own, for as long as the block lasts.

    ``module`` (with ``args``) is any server of this package that prints its
    port on one line and stops when its standard input closes.
    """

    def __init__(self, module: str = "server", *args: str) -> None:
        self.command = [sys.executable, "-m", f"fieldguide.benchmark.{module}", *args]

    def __enter__(self) -> int:
        self.process = subprocess.Popen(
            self.command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        line = self.process.stdout.readline()
        if not line.strip().isdigit():
            self.process.kill()
            raise RuntimeError(f"{self.command[2:]} did not start: {line!r}")
        return int(line)

    def cpu_seconds(self) -> float:
        """CPU time the server has used so far (user + system)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rpartition(")")[2]
        utime, stime = fields.split()[11:13]
        return (int(utime) + int(stime)) / os.sysconf("SC_CLK_TCK")

    def __exit__(self, *exc_info: object) -> None:
        self.process.stdin.close()  # the server's signal to stop
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run_http(settings: dict) -> list[dict]:
    configs = [
        {"approach": approach, "requests": n, "delay_ms": delay}
        for n in settings["requests"]
        for delay in settings["delays_ms"]
        for approach in APPROACHES
    ]
    for config in configs:
        config["client"], config["concurrency"] = APPROACHES[config["approach"]]
        config["lower_bound_seconds"] = lower_bound_seconds(
            config["approach"], config["requests"], config["delay_ms"]
        )
        config["samples"] = []
        if config["lower_bound_seconds"] > settings["max_run_seconds"]:
            config["skipped"] = (
                f"would take at least {config['lower_bound_seconds']:g} s, "
                f"more than the {settings['max_run_seconds']} s allowed per run"
            )
    with (server := Server()) as port:
        _python("client", "asyncio", 200, 0, port, 100, timeout=60)  # warm the server
        for round_ in range(settings["repeats"]):
            for group in range(0, len(configs), len(APPROACHES)):
                # Rotate the order of the approaches within each configuration.
                same_job = configs[group : group + len(APPROACHES)]
                for config in _rotated(same_job, round_):
                    if "skipped" in config:
                        continue
                    server_cpu = server.cpu_seconds()
                    sample = _python(
                        "client",
                        config["client"],
                        config["requests"],
                        config["delay_ms"],
                        port,
                        config["concurrency"],
                        timeout=max(120, 3 * config["lower_bound_seconds"]),
                    )
                    # A busy server would be the limit, not the client: keep its share.
                    sample["server_cpu_seconds"] = server.cpu_seconds() - server_cpu
                    config["samples"].append(sample)
                    _say(
                        f"round {round_ + 1}: {config['approach']:>10} "
                        f"{config['requests']:>6} requests at "
                        f"{config['delay_ms']:>2} ms: {sample['seconds']:.2f} s"
                    )
    return configs


def _rotated(items: list, shift: int) -> list:
    """The same items, starting ``shift`` places further on."""
    shift %= len(items)
    return items[shift:] + items[:shift]


def _in_rounds(configs: list[dict], repeats: int, module: str, field: str) -> None:
    """Run ``module kind config[field]`` once per config per round."""
    for round_ in range(repeats):
        for config in _rotated(configs, round_):
            config["samples"].append(
                _python(module, config["kind"], config[field], timeout=120)
            )


def run_idle(settings: dict) -> list[dict]:
    configs = [
        {"kind": kind, "count": count, "samples": []}
        for kind in ("tasks", "threads")
        for count in settings[f"idle_{kind}"]
    ]
    _in_rounds(configs, settings["repeats"], "idle", "count")
    _say("idle tasks and threads: done")
    return configs


def run_switch(settings: dict) -> list[dict]:
    configs = [
        {"kind": kind, "rounds": settings["switch_rounds"], "samples": []}
        for kind in ("tasks", "threads")
    ]
    _in_rounds(configs, settings["repeats"], "switch", "rounds")
    _say("task and thread switches: done")
    return configs


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.partition(":")[2].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gib() -> float:
    pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    return round(pages / 2**30, 1)


def describe_machine() -> dict:
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "memory_gib": _memory_gib(),
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "process_start_method": multiprocessing.get_start_method(),
        "stack_limit_kib": resource.getrlimit(resource.RLIMIT_STACK)[0] // 1024,
        "libraries": {
            name: importlib.metadata.version(name) for name in ("aiohttp", "requests")
        },
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--smoke", action="store_true", help="a run of seconds, for the tests"
    )
    parser.add_argument("--repeats", type=int, help="rounds of every measurement")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if sys.platform != "linux":
        parser.error("the memory figures come from /proc: run it on Linux")
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
        "http": run_http(settings),
        "idle": run_idle(settings),
        "switch": run_switch(settings),
    }
    # Anything else running on the machine shows here.
    results["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    results["minutes"] = round((time.perf_counter() - started) / 60, 1)
    # Written only once everything has run, so a failure leaves the old file.
    args.output.write_text(json.dumps(results, indent=1) + "\n")
    _say(f"wrote {args.output} after {results['minutes']} minutes")


if __name__ == "__main__":
    main()
