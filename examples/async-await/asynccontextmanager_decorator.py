"""contextlib.asynccontextmanager: async context managers from generators."""

import asyncio
import contextlib
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
class Disconnected(Exception):
    """The server went away: the connection handles it by itself."""


@contextlib.asynccontextmanager
async def connect(host):
    log(f"connecting to {host}")  # everything before yield: __aenter__
    await asyncio.sleep(0.5)
    try:
        yield host  # the body of the async with block runs here
    except Disconnected as error:
        log(f"the body raised {error!r}; suppressed")  # not re-raised
    finally:
        await asyncio.sleep(0.5)  # everything after yield: __aexit__
        log(f"closed {host}")


async def main():
    async with connect("db.local") as host:
        log(f"body: using {host}")

    try:
        async with connect("db.local"):
            raise ValueError("bad query")
    except ValueError as error:
        log(f"main: the ValueError came through: {error}")

    async with connect("db.local"):
        raise Disconnected("server went away")
    log("main: carries on")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:after-log]
