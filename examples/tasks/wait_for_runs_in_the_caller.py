# /// script
# requires-python = ">=3.12"
# ///
"""Python 3.12: wait_for() runs a coroutine in the caller's own task."""

import asyncio


async def inner():
    return asyncio.current_task().get_name()


async def main():
    asyncio.current_task().set_name("main")
    with_timeout = await asyncio.wait_for(inner(), timeout=1)
    print(f"wait_for(inner(), timeout=1) ran it in: {with_timeout}")
    as_task = await asyncio.wait_for(asyncio.create_task(inner()), timeout=1)
    print(f"wait_for(create_task(inner())) ran it in: {as_task}")


if __name__ == "__main__":
    asyncio.run(main())
