"""The time one switch between tasks, or between threads, takes; printed as JSON.

``python -m fieldguide.benchmark.switch tasks|threads ROUNDS``

Tasks: ten tasks each ``await asyncio.sleep(0)`` ROUNDS times, so the loop
hands over 10 x ROUNDS times. Threads: two threads pass a token back and forth
through two queues ROUNDS times, two hand-overs per round trip.
"""

from __future__ import annotations

import asyncio
import json
import queue
import sys
import threading
import time

TASKS = 10


def task_switch_seconds(rounds: int) -> float:
    async def spin() -> None:
        for _ in range(rounds):
            await asyncio.sleep(0)

    async def run() -> float:
        start = time.perf_counter()
        await asyncio.gather(*(spin() for _ in range(TASKS)))
        return time.perf_counter() - start

    return asyncio.run(run()) / (TASKS * rounds)


def thread_switch_seconds(rounds: int) -> float:
    ping: queue.SimpleQueue[int] = queue.SimpleQueue()
    pong: queue.SimpleQueue[int] = queue.SimpleQueue()

    def echo() -> None:
        for _ in range(rounds):
            pong.put(ping.get())

    partner = threading.Thread(target=echo)
    partner.start()
    start = time.perf_counter()
    for number in range(rounds):
        ping.put(number)
        pong.get()
    seconds = time.perf_counter() - start
    partner.join()
    return seconds / (2 * rounds)


def main(argv: list[str]) -> None:
    if (
        len(argv) != 2
        or argv[0] not in ("tasks", "threads")
        or not (argv[1].isascii() and argv[1].isdigit() and int(argv[1]) > 0)
    ):
        sys.exit(f"usage: switch tasks|threads ROUNDS; got {argv}")
    measure = task_switch_seconds if argv[0] == "tasks" else thread_switch_seconds
    print(json.dumps({"seconds_each": measure(int(argv[1]))}))


if __name__ == "__main__":
    main(sys.argv[1:])
