"""A task that lives exactly as long as the application (cleanup_ctx)."""

import asyncio

import aiohttp
from notes_app import make_app, serving, show_log


async def main():
    show_log()
    loop = asyncio.get_running_loop()
    start = loop.time()

    def say(text):
        print(f"{loop.time() - start:.1f}s {text}")

    # --8<-- [start:main]
    app = make_app(":memory:", digest_every=1.0)  # a digest every second
    say("setting up")
    async with serving(app) as url, aiohttp.ClientSession(url) as session:
        say("serving")
        ws = await session.ws_connect("/chat?name=ann")
        await ws.receive()  # "ann joined"

        async def hear():
            message = await ws.receive_json()
            say(f"ann hears {message['from']}: {message['text']}")

        await hear()
        await asyncio.sleep(0.5)
        for text in ["one", "two"]:
            note = {"author": "ann", "text": text}
            async with session.post("/notes", json=note) as response:
                say(f"note {(await response.json())['id']} added")
        await hear()
        await asyncio.sleep(1.5)  # no change at 3.0s: no digest
        await ws.close()
        say("stopping")
    say("stopped")
    # --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
