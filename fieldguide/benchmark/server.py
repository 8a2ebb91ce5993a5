"""The benchmark's HTTP server: ``GET /page/<n>?delay_ms=D`` answers after D ms.

``GET /site/<n>?delay_ms=D&pages=P`` answers, after D ms, with page n of a
site of P HTML pages: a title, a little text and ``LINKS`` links to other pages
of the site (always to the next one, so following links from page 0 reaches
them all). The crawler chapter measures with these, so that its tool parses
what a crawler parses; ``/page`` stays the threading chapter's plain 1 KiB.

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
MAX_PAGES = 1_000_000
LINKS = 10


def _whole_number(request: web.Request, name: str, default: str, most: int) -> int:
    text = request.query.get(name, default)
    if not (text.isascii() and text.isdigit()) or int(text) > most:
        raise web.HTTPBadRequest(
            text=f"{name} must be a whole number from 0 to {most}, not {text!r}\n"
        )
    return int(text)


async def page(request: web.Request) -> web.Response:
    delay_ms = _whole_number(request, "delay_ms", "0", MAX_DELAY_MS)
    if delay_ms:
        await asyncio.sleep(delay_ms / 1000)
    return web.Response(body=BODY, content_type="text/plain")


def site_links(number: int, pages: int) -> list[int]:
    """The pages that page `number` links to: a tree, LINKS children each
    (wrapping round at the end), so that a breadth-first crawl from page 0
    finds LINKS times as many new pages at each level, and every page."""
    return [(LINKS * number + step) % pages for step in range(1, LINKS + 1)]


def site_page(number: int, pages: int, query: str) -> str:
    """Page `number` of the HTML site: about 1 KiB, with LINKS links."""
    targets = site_links(number, pages)
    items = "\n".join(
        f'<li><a href="/site/{target}?{query}">Page {target}</a></li>'
        for target in targets
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Page {number} of {pages}</title>\n</head>\n<body>\n"
        f"<h1>Page {number}</h1>\n"
        "<p>A page of the benchmark's site: a heading, this paragraph and a"
        " list of links, much as a small page of a real site has.</p>\n"
        f"<ul>\n{items}\n</ul>\n</body>\n</html>\n"
    )


async def site_handler(request: web.Request) -> web.Response:
    delay_ms = _whole_number(request, "delay_ms", "0", MAX_DELAY_MS)
    pages = _whole_number(request, "pages", "1", MAX_PAGES)
    if pages < 1:
        raise web.HTTPBadRequest(text="pages must be at least 1\n")
    text = request.match_info["number"]
    if not (text.isascii() and text.isdigit()) or not int(text) < pages:
        raise web.HTTPNotFound(text=f"no page {text!r} in a site of {pages}\n")
    if delay_ms:
        await asyncio.sleep(delay_ms / 1000)
    query = f"delay_ms={delay_ms}&amp;pages={pages}"  # & in HTML is &amp;
    return web.Response(
        text=site_page(int(text), pages, query), content_type="text/html"
    )


async def serve(host: str, port: int) -> None:
    app = web.Application()
    app.router.add_get("/page/{number}", page)
    app.router.add_get("/site/{number}", site_handler)
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
