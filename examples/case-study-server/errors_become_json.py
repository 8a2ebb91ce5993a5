"""Every error leaves as JSON; a crash says nothing about the inside."""

import asyncio

import aiohttp
from aiohttp import web
from notes_app import make_app, serving, show_log


# --8<-- [start:main]
async def broken(request):
    secret = {"password": "hunter2"}
    return web.json_response(secret["token"])  # a bug: KeyError


async def slow(request):
    await asyncio.sleep(0.3)
    return web.json_response({"slept": 0.3})


async def main():
    show_log()
    app = make_app(":memory:")
    app.router.add_get("/broken", broken)  # routes added for this demo
    app.router.add_get("/slow", slow)
    async with serving(app) as url, aiohttp.ClientSession(url) as session:
        for method, path in [
            ("GET", "/broken"),
            ("GET", "/broken"),
            ("GET", "/notes/7"),
            ("GET", "/nowhere"),
            ("DELETE", "/notes"),
            ("GET", "/slow"),
        ]:
            async with session.request(method, path) as response:
                print(f"{method} {path} -> {response.status}")
                print("   ", await response.json())
                if "Allow" in response.headers:
                    print("    Allow:", response.headers["Allow"])
                # "app;dur=300.4": in milliseconds, which vary from run to
                # run; print them rounded to a tenth of a second.
                timing = response.headers["Server-Timing"]
                seconds = float(timing.partition("dur=")[2]) / 1000
                print(f"    Server-Timing says {seconds:.1f} s")


# --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
