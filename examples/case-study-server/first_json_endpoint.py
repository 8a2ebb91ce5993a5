"""The smallest aiohttp application: one JSON endpoint, served and asked."""

import asyncio

import aiohttp
from aiohttp import web


# --8<-- [start:app]
async def hello(request):
    name = request.query.get("name", "world")
    return web.json_response({"greeting": f"hello, {name}"})


def make_app():
    app = web.Application()
    app.router.add_get("/hello", hello)
    return app


# --8<-- [end:app]


# --8<-- [start:main]
async def main():
    # AppRunner + TCPSite is what web.run_app() does inside, without
    # taking over the program: here the client runs in the same loop.
    runner = web.AppRunner(make_app())
    await runner.setup()
    try:
        site = web.TCPSite(runner, "127.0.0.1", 0)  # port 0: any free one
        await site.start()
        host, port = runner.addresses[0][:2]
        url = f"http://{host}:{port}"
        async with aiohttp.ClientSession() as session:
            for query in ["", "?name=asyncio"]:
                async with session.get(f"{url}/hello{query}") as response:
                    kind = response.headers["Content-Type"]
                    print(response.status, kind, await response.json())
            async with session.get(f"{url}/nowhere") as response:
                kind = response.headers["Content-Type"]
                print(response.status, kind, await response.text())
    finally:
        await runner.cleanup()


# --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
