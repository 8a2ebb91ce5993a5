# /// script
# requires-python = ">=3.11,<3.14"  # 3.14 rewords the TypeError messages
# ///
"""What cannot be awaited, and the errors you get when you try."""

import asyncio


def load_settings():
    # An ordinary function: it returns a dict, not an awaitable.
    return {"retries": 3}


async def fetch():
    await asyncio.sleep(1)
    return "data"


async def attempt(description, thing):
    try:
        await thing
    except (TypeError, RuntimeError) as error:
        print(f"{description:30} {type(error).__name__}: {error}")


async def main():
    await attempt("await load_settings()", load_settings())
    await attempt("await asyncio.sleep", asyncio.sleep)
    await attempt("await (n for n in range(2))", (n for n in range(2)))
    await attempt("await 42", 42)

    coro = fetch()
    print(f"first await of coro gave {await coro!r}")
    await attempt("await coro (a second time)", coro)


if __name__ == "__main__":
    asyncio.run(main())
