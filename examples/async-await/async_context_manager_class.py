"""An asynchronous context manager: __aenter__ and __aexit__ can await."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
class Disconnected(Exception):
    """The server went away: the connection handles it by itself."""


class Connection:
    def __init__(self, host):
        self.host = host

    async def __aenter__(self):
        log(f"__aenter__: connecting to {self.host}")
        await asyncio.sleep(0.5)  # the handshake takes time
        return self  # this is what `as` binds

    async def __aexit__(self, exc_type, exc, traceback):
        name = exc_type.__name__ if exc_type else None
        log(f"__aexit__: exc_type={name}, exc={exc!r}")
        await asyncio.sleep(0.5)  # a polite goodbye takes time too
        log(f"__aexit__: closed {self.host}")
        return exc_type is Disconnected  # True suppresses the exception


async def main():
    async with Connection("db.local") as conn:
        log(f"body: using {conn.host}")

    try:
        async with Connection("db.local"):
            raise ValueError("bad query")
    except ValueError as error:
        log(f"main: the ValueError came through: {error}")

    async with Connection("db.local"):
        raise Disconnected("server went away")
    log("main: the Disconnected was suppressed; main carries on")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:after-log]
