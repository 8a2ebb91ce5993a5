"""gather(return_exceptions=True) puts exceptions in the list of results."""

import asyncio


async def fetch(page, seconds):
    await asyncio.sleep(seconds)
    if page == "missing":
        raise LookupError(f"no page called {page!r}")
    return f"<{page}>"


async def main():
    results = await asyncio.gather(
        fetch("home", 3),
        fetch("missing", 1),
        fetch("about", 2),
        return_exceptions=True,
    )
    for result in results:
        if isinstance(result, Exception):
            print(f"failed:    {result!r}")
        else:
            print(f"succeeded: {result}")


if __name__ == "__main__":
    asyncio.run(main())
