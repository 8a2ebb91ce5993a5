"""One asyncio.run() owns the session: made and closed inside its loop."""

import asyncio

import aiohttp
from aiohttp import web


async def hello(request):
    response = web.Response(text="hello")
    response.force_close()  # no connection kept open between requests
    return response


async def start_server():
    """Starts a web server on 127.0.0.1; returns its runner and URL."""
    app = web.Application()
    app.router.add_get("/", hello)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    return runner, f"http://127.0.0.1:{runner.addresses[0][1]}/"


# --8<-- [start:client]
async def fetch(session, url):
    async with session.get(url) as response:
        return await response.text()


async def main():
    runner, url = await start_server()
    async with aiohttp.ClientSession() as session:  # closed in this loop
        for n in (1, 2):
            print(f"request {n}: {await fetch(session, url)}")
    await runner.cleanup()


# --8<-- [end:client]


if __name__ == "__main__":
    asyncio.run(main())  # the only loop the program makes
