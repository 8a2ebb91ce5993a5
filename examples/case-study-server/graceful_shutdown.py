"""Shutting down: no new connections, chat closed, slow requests finish."""

import asyncio

import aiohttp
from aiohttp import web
from notes_app import make_app, show_log


# --8<-- [start:main]
async def main():
    show_log()
    loop = asyncio.get_running_loop()
    start = loop.time()

    def say(text):
        print(f"{loop.time() - start:.1f}s {text}")

    async def report(request):
        seconds = float(request.query["seconds"])
        say(f"handler: a {seconds:.0f}-second report started")
        try:
            await asyncio.sleep(seconds)
        except asyncio.CancelledError:
            say("handler: cancelled")
            raise
        say("handler: report finished")
        return web.json_response({"report": "ready"})

    async def get_report(session, seconds):
        try:
            async with session.post(f"/report?seconds={seconds}") as response:
                say(
                    f"client: report {response.status} {await response.json()}"
                )
        except aiohttp.ClientError as error:
            say(f"client: report failed, {type(error).__name__}")

    for timeout, seconds in [(10, 3), (1, 6)]:
        print(f"--- shutdown_timeout={timeout}")
        app = make_app(":memory:")
        app.router.add_post("/report", report)  # POST: never retried
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=timeout)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        host, port = runner.addresses[0][:2]
        url = f"http://{host}:{port}"
        start = loop.time()
        async with aiohttp.ClientSession(url) as session:
            ws = await session.ws_connect("/chat?name=ann")
            await ws.receive()  # "ann joined"
            request = asyncio.create_task(get_report(session, seconds))
            await asyncio.sleep(1)
            say("shutdown begins")
            cleanup = asyncio.create_task(runner.cleanup())
            await asyncio.sleep(0.5)
            try:  # the listening socket is already closed
                async with aiohttp.ClientSession(url) as late:
                    await late.get("/notes")
            except aiohttp.ClientConnectorError:
                say("a new client: connection refused")
            message = await ws.receive()
            say(
                f"chat: closed by the server, code {message.data},"
                f" {message.extra!r}"
            )
            await request
            await cleanup
            say("cleanup done")
    # --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
