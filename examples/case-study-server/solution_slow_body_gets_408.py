"""A client that never finishes its body holds a slot, until the deadline."""

import asyncio

import aiohttp
from notes_app import BODY_DEADLINE, make_app, serving


async def stall(host, port):
    """Promise a 100-byte note, send one byte of it, and stop."""
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(
        b"POST /notes HTTP/1.1\r\nHost: example\r\n"
        b"Content-Type: application/json\r\n"
        b"Content-Length: 100\r\n\r\n{"
    )
    await writer.drain()
    return reader, writer


async def main():
    app = make_app(":memory:", most=2)  # two requests at a time
    async with serving(app) as url, aiohttp.ClientSession(url) as session:
        host, port = url.removeprefix("http://").split(":")
        stalled = [await stall(host, int(port)) for _ in range(2)]
        # Both slots are taken by requests waiting for their bodies.
        for wait, when in [(1, "while they stall"), (BODY_DEADLINE, "later")]:
            await asyncio.sleep(wait)
            async with session.get("/notes") as response:
                print(f"GET /notes {when}:", response.status)
        for reader, writer in stalled:
            status_line = await reader.readline()
            print("a stalled client got:", status_line.decode().strip())
            writer.close()
            await writer.wait_closed()


if __name__ == "__main__":
    asyncio.run(main())
