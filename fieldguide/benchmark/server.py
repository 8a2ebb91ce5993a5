"""The benchmark's HTTP server: ``GET /page/<n>?delay_ms=D`` answers after D ms.

Run as ``python -m fieldguide.benchmark.server [--port P]``; it binds
127.0.0.1, prints the port it got on one line, and serves until stdin closes
(so it never outlives the benchmark that started it).
"""

from __future__ import annotations

import argparse
import asyncio
import sys

from aiohttp import web

BODY = b"x" * 1024  # a small page: the benchmark measures waiting, not bandwidth
MAX_DELAY_MS = 10_000


async def page(request: web.Request) -> web.Response:
    text = request.query.get("delay_ms", "0")
    if not (text.isascii() and text.isdigit()) or int(text) > MAX_DELAY_MS:
        raise web.HTTPBadRequest(
            text=f"delay_ms must be a whole number from 0 to {MAX_DELAY_MS}, "
            f"not {text!r}\n"
        )
    if int(text):
        await asyncio.sleep(int(text) / 1000)
    return web.Response(body=BODY, content_type="text/plain")


async def serve(host: str, port: int) -> None:
    app = web.Application()
    app.router.add_get("/page/{number}", page)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port, backlog=1024)
    await site.start()
    print(runner.addresses[0][1], flush=True)
    # Serve until whoever started us closes our stdin (or dies).
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    await runner.cleanup()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)
    asyncio.run(serve(args.host, args.port))


if __name__ == "__main__":
    main()
