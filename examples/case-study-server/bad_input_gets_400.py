"""Bad notes get a 400 that says what is wrong, and nothing is stored."""

import asyncio

import aiohttp
from notes_app import make_app, serving

# --8<-- [start:cases]
BAD_BODIES = [
    b"{'author': 'ann'}",  # single quotes are not JSON
    b'["ann", "hello"]',
    b'{"author": "ann"}',
    b'{"author": "ann", "text": 42}',
    b'{"author": "ann", "text": "   "}',
    b'{"author": "ann", "text": "hi", "colour": "red"}',
    b'{"author": "' + b"a" * 41 + b'", "text": "hi"}',
    b'{"author": "ann", "text": "\xff"}',  # not UTF-8
    b"[" * 16_000,  # nested deeper than json.loads() can recurse
]
BAD_AFTER = ["first", "²", "9" * 19]  # "²".isdigit() is True!


async def main():
    async with (
        serving(make_app(":memory:")) as url,
        aiohttp.ClientSession(url) as session,
    ):
        json_type = {"Content-Type": "application/json"}
        for body in BAD_BODIES:
            async with session.post(
                "/notes", data=body, headers=json_type
            ) as response:
                answer = await response.json()
                print(response.status, answer["error"])
        # The right body, sent as a form instead of JSON.
        form = {"author": "ann", "text": "hello"}
        async with session.post("/notes", data=form) as response:
            print(response.status, (await response.json())["error"])
        for after in BAD_AFTER:
            query = {"after": after}
            async with session.get("/notes", params=query) as response:
                answer = await response.json()
                print(response.status, f"after={after}:", answer["error"])
        async with session.get("/notes/" + "9" * 19) as response:
            print(response.status, "a 19-digit id:", await response.json())
        async with session.get("/notes") as response:
            print("notes stored:", await response.json())
        good = {"author": " ann ", "text": "hello"}
        async with session.post("/notes", json=good) as response:
            print(response.status, await response.json())


# --8<-- [end:cases]


if __name__ == "__main__":
    asyncio.run(main())
