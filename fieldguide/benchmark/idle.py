"""What N idle tasks or N idle threads cost, printed as JSON.

``python -m fieldguide.benchmark.idle tasks|threads N``

An idle task is suspended in ``await event.wait()``; an idle thread is
blocked in ``event.wait()`` on a threading.Event. Figures come from Linux:
the process's resident set (VmRSS, and its peak VmHWM) and address space
(VmSize) in /proc/self/status, and the kernel stacks of all threads on the
machine (KernelStack in /proc/meminfo), read before and after.
"""

from __future__ import annotations

import asyncio
import json
import sys
import threading
from pathlib import Path


def _read_kib(path: str, *fields: str) -> dict[str, int]:
    values = {}
    for line in Path(path).read_text().splitlines():
        name, _, rest = line.partition(":")
        if name in fields:
            values[name] = int(rest.split()[0])  # "12345 kB"
    return values


def snapshot() -> dict[str, int]:
    return _read_kib("/proc/self/status", "VmRSS", "VmHWM", "VmSize") | _read_kib(
        "/proc/meminfo", "KernelStack"
    )


def measure_tasks(count: int) -> tuple[dict, dict]:
    async def idle(event: asyncio.Event) -> None:
        await event.wait()

    async def run() -> tuple[dict, dict]:
        event = asyncio.Event()
        before = snapshot()
        tasks = [asyncio.create_task(idle(event)) for _ in range(count)]
        await asyncio.sleep(0)  # every task runs up to its await, then waits
        after = snapshot()
        event.set()
        await asyncio.gather(*tasks)
        return before, after

    return asyncio.run(run())


def measure_threads(count: int) -> tuple[dict, dict]:
    event = threading.Event()
    ready = threading.Semaphore(0)

    def idle() -> None:
        ready.release()
        event.wait()

    before = snapshot()
    threads = [threading.Thread(target=idle) for _ in range(count)]
    for thread in threads:
        thread.start()
    for _ in threads:
        ready.acquire()  # every thread has started and is blocked
    after = snapshot()
    event.set()
    for thread in threads:
        thread.join()
    return before, after


def measure(kind: str, count: int) -> dict[str, float]:
    before, after = (measure_tasks if kind == "tasks" else measure_threads)(count)
    return {
        "rss_kib_each": (after["VmHWM"] - before["VmRSS"]) / count,
        "address_space_kib_each": (after["VmSize"] - before["VmSize"]) / count,
        "kernel_stack_kib_each": (after["KernelStack"] - before["KernelStack"]) / count,
        "peak_rss_kib": after["VmHWM"],
    }


def main(argv: list[str]) -> None:
    if (
        len(argv) != 2
        or argv[0] not in ("tasks", "threads")
        or not (argv[1].isascii() and argv[1].isdigit() and int(argv[1]) > 0)
    ):
        sys.exit(f"usage: idle tasks|threads N (N a positive whole number); got {argv}")
    print(json.dumps(measure(argv[0], int(argv[1]))))


if __name__ == "__main__":
    main(sys.argv[1:])
