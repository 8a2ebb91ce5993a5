"""aiohttp's TCPConnector(limit=3): 20 requests, at most 3 at the server."""

import asyncio

import aiohttp
from aiohttp import web


# --8<-- [start:main]
class SlowPage:
    """A page that answers slowly and counts the requests it is serving."""

    def __init__(self):
        self.now = 0
        self.most = 0
        self.total = 0

    async def handle(self, request):
        self.now += 1
        self.total += 1
        self.most = max(self.most, self.now)
        try:
            await asyncio.sleep(0.05)  # keeps each request in flight a while
            return web.Response(text="ok")
        finally:
            self.now -= 1


async def fetch(session, url):
    async with session.get(url) as response:
        return await response.text()


async def main():
    app = web.Application()
    page = SlowPage()
    app.router.add_get("/", page.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)  # port 0: any free port
    await site.start()
    port = runner.addresses[0][1]
    try:
        connector = aiohttp.TCPConnector(limit=3)  # the library's own cap
        async with aiohttp.ClientSession(connector=connector) as session:
            url = f"http://127.0.0.1:{port}/"
            async with asyncio.TaskGroup() as group:  # all 20 start at once
                tasks = [
                    group.create_task(fetch(session, url)) for _ in range(20)
                ]
        answers = [task.result() for task in tasks]
        print(f"client: {answers.count('ok')} answers")
        print(f"server: {page.total} requests, at most {page.most} at once")
    finally:
        await runner.cleanup()


# --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
