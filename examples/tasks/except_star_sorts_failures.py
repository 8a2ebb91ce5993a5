"""except* picks exceptions out of an ExceptionGroup by type."""

import asyncio


async def check(name, seconds, error=None):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise
    if error is not None:
        print(f"{name}: fails")
        raise error


async def main():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(check("dns", 0, LookupError("no such host")))
            group.create_task(check("db", 0, ConnectionError("refused")))
            group.create_task(check("cache", 0, LookupError("no such key")))
            group.create_task(check("disk", 1))
    except* LookupError as lookups:
        for error in lookups.exceptions:
            print(f"handled lookup failure: {error}")
    except* ConnectionError as connections:
        for error in connections.exceptions:
            print(f"handled connection failure: {error}")
    print("main carries on")


if __name__ == "__main__":
    asyncio.run(main())
