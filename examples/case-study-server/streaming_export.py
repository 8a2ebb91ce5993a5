# /// script
# [tool.fieldguide]
# timeout = 30  # 200,000 notes to store, encode, send and read
# ///
"""A large answer sent in pieces, and read in pieces, with back-pressure."""

import asyncio
import json

import aiohttp
from notes_app import STATS, STORE, make_app, serving

NOTES = 200_000  # about 12 MB of JSON lines: more than socket buffers hold


# --8<-- [start:main]
async def main():
    app = make_app(":memory:")
    async with serving(app) as url, aiohttp.ClientSession(url) as session:
        await app[STORE].add_many(
            ("ann", f"note number {n}") for n in range(NOTES)
        )
        stats = app[STATS]
        async with session.get("/export") as response:
            print(response.status, response.headers["Content-Type"])
            print("Transfer-Encoding:", response.headers["Transfer-Encoding"])
            pieces = response.content.iter_chunked(64 * 1024)
            first = await anext(pieces)
            # The client stops reading for a second. The server fills the
            # socket buffers, then waits in write() instead of reading
            # every note into memory.
            await asyncio.sleep(1)
            # (How far it got depends on the machine's buffer sizes.)
            written = stats["export chunks"]
            print(
                "while the client paused, the server wrote some chunks:",
                0 < written < NOTES // 500,
            )
            size, lines, last = len(first), first.count(b"\n"), b""
            async for piece in pieces:
                size += len(piece)
                lines += piece.count(b"\n")
                last = (last + piece)[-200:]  # enough for the last line
        print(f"read {lines} notes, {size / 1e6:.1f} MB, in pieces")
        print("last:", json.loads(last.splitlines()[-1]))
        print("chunks the server wrote:", stats["export chunks"])


# --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
