"""A future can hold an exception; awaiting the future raises it."""

import asyncio


async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    failure = ConnectionError("the line went dead")
    loop.call_later(1, future.set_exception, failure)
    try:
        await future
    except ConnectionError as error:
        print(f"await raised {type(error).__name__}: {error}")
    print(f"done() is {future.done()}; exception() is {future.exception()!r}")


if __name__ == "__main__":
    asyncio.run(main())
