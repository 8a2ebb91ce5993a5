"""The server chapter's application, served for a measurement.

``python -m fieldguide.benchmark.app_server VARIANT`` serves on 127.0.0.1, on
a port the OS picks, and prints the port. Each line it then reads on standard
input is answered with one line of JSON: the CPU time used so far by the
process, by the thread running the event loop and, for the application, by
the thread that runs its SQLite queries. It stops when standard input closes.

The variants peel the application apart, to show where its time goes:

* ``floor``: aiohttp alone, one handler answering a fixed note as JSON;
* ``middleware``: the same handler behind the application's three middlewares;
* ``app``: the whole application (examples/case-study-server/notes_app.py),
  its store holding 1,000 notes.
"""

from __future__ import annotations

import asyncio
import collections
import json
import sys
import time

from aiohttp import web

from fieldguide.benchmark import ROOT

sys.path.insert(0, str(ROOT / "examples" / "case-study-server"))
import notes_app  # the example, imported from its folder

VARIANTS = ("floor", "middleware", "app")
NOTES = 1000
FIXED = {"id": 1, "author": "ann", "text": "Buy milk"}


async def fixed_note(request: web.Request) -> web.Response:
    return web.json_response({**FIXED, "id": int(request.match_info["id"])})


def make(variant: str, db_path: str) -> web.Application:
    if variant == "app":
        return notes_app.make_app(db_path)
    middlewares = (
        [notes_app.timing, notes_app.errors_as_json, notes_app.limit_requests(100)]
        if variant == "middleware"
        else []
    )
    app = web.Application(middlewares=middlewares)
    app[notes_app.STATS] = collections.Counter()  # the error middleware counts
    app.router.add_get("/notes/{id:[0-9]+}", fixed_note)
    return app


async def serve(variant: str) -> None:
    app = make(variant, ":memory:")
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    store = app.get(notes_app.STORE) if variant == "app" else None
    if store is not None:
        await store.add_many([("ann", f"note {n}") for n in range(NOTES)])
    print(runner.addresses[0][1], flush=True)
    loop = asyncio.get_running_loop()
    try:
        while await loop.run_in_executor(None, sys.stdin.readline):
            # The store's thread reports its own CPU time (a query's worth).
            store_cpu = await store._call(time.thread_time) if store else 0.0
            answer = {
                "process": time.process_time(),
                "loop": time.thread_time(),
                "store": store_cpu,
            }
            print(json.dumps(answer), flush=True)
    finally:
        await runner.cleanup()


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in VARIANTS:
        sys.exit(
            f"usage: python -m fieldguide.benchmark.app_server {'|'.join(VARIANTS)}"
        )
    asyncio.run(serve(sys.argv[1]))
