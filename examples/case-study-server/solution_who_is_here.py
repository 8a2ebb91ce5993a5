"""GET /who: the names in the chat room, added without editing notes_app."""

import asyncio

import aiohttp
from aiohttp import web
from notes_app import ROOM, make_app, serving


async def who(request):
    return web.json_response(sorted(request.app[ROOM].members))


async def main():
    app = make_app(":memory:")
    # Routes can be added until the runner starts the application.
    app.router.add_get("/who", who)
    async with serving(app) as url, aiohttp.ClientSession(url) as session:

        async def ask():
            async with session.get("/who") as response:
                print("here:", await response.json())

        await ask()
        ann = await session.ws_connect("/chat?name=ann")
        bob = await session.ws_connect("/chat?name=bob")
        await bob.receive_json()  # "bob joined": bob is in the room
        await ask()
        await bob.close()
        # ann hears "bob joined", then "bob left" once he is gone.
        while (await ann.receive_json())["text"] != "bob left":
            pass
        await ask()
        await ann.close()


if __name__ == "__main__":
    asyncio.run(main())
