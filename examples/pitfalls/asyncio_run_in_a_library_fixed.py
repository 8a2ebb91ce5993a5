"""A library offers a coroutine, and a synchronous wrapper only for scripts."""

import asyncio


# --8<-- [start:library]
async def fetch_forecast(city):
    """The real entry point: await it from asyncio code."""
    await asyncio.sleep(0.5)  # stands for a request over the network
    return f"{city}: sunny"


def get_forecast(city):
    """For scripts with no event loop running."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:  # no loop running in this thread: fine
        return asyncio.run(fetch_forecast(city))
    raise RuntimeError("in async code, use 'await fetch_forecast(city)'")


# --8<-- [end:library]


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    print(await fetch_forecast("Oslo"))
    # Several at once, too, which a blocking call could never do:
    print(await asyncio.gather(fetch_forecast("Rome"), fetch_forecast("Kyiv")))
    print(f"three forecasts in {loop.time() - start:.1f}s")
    try:
        get_forecast("Lima")
    except RuntimeError as error:
        print(f"the wrong call says: {error}")


if __name__ == "__main__":
    print(get_forecast("Lima"))
    asyncio.run(main())
