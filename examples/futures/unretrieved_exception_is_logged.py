# /// script
# [tool.fieldguide]
# record-stderr = true  # its point is the message asyncio logs
# ///
"""A future's exception that nobody retrieves is logged when it is freed."""

import asyncio


async def main():
    loop = asyncio.get_running_loop()

    checked = loop.create_future()
    checked.set_exception(ValueError("looked at"))
    print(f"checked.exception() is {checked.exception()!r}")
    del checked  # its exception was retrieved: nothing is logged

    ignored = loop.create_future()
    ignored.set_exception(ValueError("never looked at"))
    del ignored  # nobody asked: asyncio logs it when the future is freed
    print("main() carries on; the message is all that happens")


if __name__ == "__main__":
    asyncio.run(main())
