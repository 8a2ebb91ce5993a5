"""Three chat clients, tasks in one program, talking through the server."""

import asyncio

import aiohttp
from notes_app import make_app, serving


# --8<-- [start:member]
class Member:
    """One chat client: a WebSocket and a task that collects what it hears."""

    def __init__(self, name, ws):
        self.name = name
        self.ws = ws
        self.inbox = asyncio.Queue()
        self.listener = asyncio.create_task(self.listen())

    async def listen(self):
        async for message in self.ws:  # ends when the connection closes
            self.inbox.put_nowait(message.json())


async def everyone_hears(members):
    """Wait for each member to receive the next message, and show it."""
    for member in members:
        message = await member.inbox.get()
        print(f"  {member.name:>4} hears {message['from']}: {message['text']}")


# --8<-- [end:member]


# --8<-- [start:main]
async def main():
    async with (
        serving(make_app(":memory:")) as url,
        aiohttp.ClientSession(url) as session,
    ):
        members = []
        for name in ["ann", "bob", "cy"]:
            print(f"{name} joins")
            ws = await session.ws_connect(f"/chat?name={name}")
            members.append(Member(name, ws))
            await everyone_hears(members)

        try:
            await session.ws_connect("/chat?name=bob")
        except aiohttp.WSServerHandshakeError as error:
            print(f"a second bob is refused: {error.status}")

        # One speaker at a time, and only once everyone has heard the
        # last message: so every run prints the same lines.
        for member, text in [(members[0], "hi all"), (members[2], "hello")]:
            print(f"{member.name} says {text!r}")
            await member.ws.send_str(text)
            await everyone_hears(members)

        bob = members.pop(1)
        print("bob leaves")
        await bob.ws.close()
        await bob.listener
        await everyone_hears(members)
        for member in members:
            await member.ws.close()
            await member.listener


# --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
