# /// script
# [tool.fieldguide]
# record-stderr = true
# ///
"""A library function that calls asyncio.run() fails inside a running loop."""

import asyncio


# --8<-- [start:library]
async def _fetch_forecast(city):
    await asyncio.sleep(0.5)  # stands for a request over the network
    return f"{city}: sunny"


def get_forecast(city):
    """The library's only entry point: synchronous outside, asyncio inside."""
    return asyncio.run(_fetch_forecast(city))


# --8<-- [end:library]


async def main():
    # An asyncio program (a web handler, a bot) uses the library.
    try:
        print(get_forecast("Oslo"))
    except RuntimeError as error:
        print(f"RuntimeError: {error}")
    print("main: carries on without a forecast")


if __name__ == "__main__":
    print(get_forecast("Lima"))  # in a plain script it works
    asyncio.run(main())
