"""At most N requests at once: the next ones get 503 and Retry-After."""

import asyncio

import aiohttp
from aiohttp import web
from notes_app import make_app, serving


# --8<-- [start:main]
async def report(request):
    await asyncio.sleep(1)  # a slow endpoint, added for the demo
    return web.json_response({"report": "ready"})


async def ask(session, n, start):
    loop = asyncio.get_running_loop()
    await asyncio.sleep(n * 0.1)  # clients a tenth of a second apart
    async with session.get("/report") as response:
        answer = await response.json()
        retry = response.headers.get("Retry-After")
        after = f" (Retry-After: {retry})" if retry else ""
        print(
            f"{loop.time() - start:.1f}s client {n}: {response.status}"
            f" {answer}{after}"
        )


async def main():
    app = make_app(":memory:", most=2)  # two requests at a time
    app.router.add_get("/report", report)
    async with serving(app) as url, aiohttp.ClientSession(url) as session:
        start = asyncio.get_running_loop().time()
        async with asyncio.TaskGroup() as group:
            for n in range(5):
                group.create_task(ask(session, n, start))
        await ask(session, 5, start)  # later: there is room again


# --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
