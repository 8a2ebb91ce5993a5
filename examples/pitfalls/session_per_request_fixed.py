# /// script
# [tool.fieldguide]
# coverage = false  # its handler for reports has none to print
# ///
"""One ClientSession for the whole program, passed to each request."""

import asyncio

import aiohttp
from aiohttp import web


async def serve(connections):
    """A web server on 127.0.0.1 that notes each client connection."""

    async def hello(request):
        # A connection is identified by the client's address and port.
        connections.add(request.transport.get_extra_info("peername"))
        return web.Response(text="hello")

    app = web.Application()
    app.router.add_get("/", hello)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    return runner, f"http://127.0.0.1:{port}/"


def first_line_only(loop, context):
    # asyncio's own handler prints more: the objects, and the pooled
    # connections with times that differ at every run.
    print(f"asyncio reports: {context['message']}")


# --8<-- [start:fetch]
async def fetch(session, url):
    async with session.get(url) as response:
        return await response.text()


async def main():
    asyncio.get_running_loop().set_exception_handler(first_line_only)
    connections = set()
    runner, url = await serve(connections)
    async with aiohttp.ClientSession() as session:  # closed on the way out
        for n in range(3):
            print(f"request {n}: {await fetch(session, url)}")
    print(f"server: 3 requests, connections: {len(connections)}")
    await runner.cleanup()


# --8<-- [end:fetch]


if __name__ == "__main__":
    asyncio.run(main())
