# /// script
# requires-python = ">=3.11"
# [tool.fieldguide]
# record-stderr = true
# ///
"""A session kept from one asyncio.run() to the next: Event loop is closed."""

import asyncio
import traceback

import aiohttp
from aiohttp import web


async def hello(request):
    response = web.Response(text="hello")
    response.force_close()  # no connection kept open between requests
    return response


async def fetch_once():
    """Starts a web server on 127.0.0.1, fetches its page, stops it."""
    app = web.Application()
    app.router.add_get("/", hello)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    port = runner.addresses[0][1]
    try:
        return await fetch(f"http://127.0.0.1:{port}/")
    finally:
        await runner.cleanup()


# --8<-- [start:client]
session = None  # made by the first call, kept for the ones after


async def fetch(url):
    global session
    if session is None:
        session = aiohttp.ClientSession()  # bound to this call's loop
    async with session.get(url) as response:
        return await response.text()


def main():
    for n in (1, 2):  # each asyncio.run() makes a loop and closes it
        try:
            print(f"run {n}: {asyncio.run(fetch_once())}")
        except RuntimeError as exc:
            where = traceback.extract_tb(exc.__traceback__)[-1]
            print(f"run {n}: RuntimeError: {exc} (in {where.name}())")


# --8<-- [end:client]


if __name__ == "__main__":
    main()
