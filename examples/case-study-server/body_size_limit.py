"""A body larger than client_max_size gets 413, and nothing is stored."""

import asyncio

import aiohttp
from notes_app import make_app, serving


async def main():
    # --8<-- [start:main]
    app = make_app(":memory:", max_body=1024)  # 1 KiB, to show the limit
    async with serving(app) as url, aiohttp.ClientSession(url) as session:
        for size in [1000, 1024, 1025, 100_000]:
            # A JSON string of `size` bytes in all, quotes included.
            body = b'"' + b"x" * (size - 2) + b'"'
            headers = {"Content-Type": "application/json"}
            async with session.post(
                "/notes", data=body, headers=headers
            ) as response:
                error = (await response.json())["error"]
                print(f"{size:>9} bytes: {response.status} {error}")
        async with session.get("/notes") as response:
            print("notes stored:", await response.json())
    # --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
