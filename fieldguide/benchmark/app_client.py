"""The load for the server chapter's measurement, in an interpreter of its own.

``python -m fieldguide.benchmark.app_client PORT KIND REQUESTS CONCURRENCY``
sends REQUESTS requests of one KIND, with CONCURRENCY in flight, over one
aiohttp session, checks every answer, and prints one line of JSON: the wall
time and this process's CPU time.

* ``get``: ``GET /notes/<n>`` for notes 1 to 1,000 in turn;
* ``post``: ``POST /notes`` with a small note, which the store writes.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time

import aiohttp

KINDS = ("get", "post")


async def load(port: int, kind: str, requests: int, concurrency: int) -> dict:
    base = f"http://127.0.0.1:{port}"
    numbers = iter(range(requests))
    wrong = []

    async def worker(session: aiohttp.ClientSession) -> None:
        for n in numbers:  # shared: each number is taken once
            if kind == "get":
                request = session.get(f"{base}/notes/{n % 1000 + 1}")
                expected = 200
            else:
                note = {"author": "bench", "text": f"note number {n}"}
                request = session.post(f"{base}/notes", json=note)
                expected = 201
            async with request as response:
                body = await response.json()
                if response.status != expected or "id" not in body:
                    wrong.append((response.status, body))

    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:
        started, cpu = time.perf_counter(), time.process_time()
        await asyncio.gather(*(worker(session) for _ in range(concurrency)))
        seconds = time.perf_counter() - started
        cpu_seconds = time.process_time() - cpu
    if wrong:
        raise SystemExit(f"{len(wrong)} wrong answers, such as {wrong[0]}")
    return {"seconds": seconds, "cpu_seconds": cpu_seconds}


if __name__ == "__main__":
    port, kind, requests, concurrency = sys.argv[1:]
    if kind not in KINDS:
        sys.exit(f"KIND must be one of {KINDS}, not {kind!r}")
    print(
        json.dumps(asyncio.run(load(int(port), kind, int(requests), int(concurrency))))
    )
