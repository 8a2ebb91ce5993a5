"""AsyncExitStack: as many async context managers as you need at run time."""

import asyncio
import contextlib
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
@contextlib.asynccontextmanager
async def connect(host):
    log(f"connecting to {host}")
    await asyncio.sleep(0.5)
    if host == "down.local":
        raise ConnectionRefusedError(f"{host} refused the connection")
    try:
        yield host
    finally:
        await asyncio.sleep(0.5)
        log(f"closed {host}")


async def flush_log():
    log("flushed the log")


async def use_all(hosts):
    async with contextlib.AsyncExitStack() as stack:
        stack.push_async_callback(flush_log)  # any coroutine function
        for host in hosts:
            await stack.enter_async_context(connect(host))
        log(f"using {len(hosts)} connections")
    # Leaving the block closed everything, in the reverse order.


async def main():
    await use_all(["a.local", "b.local"])
    try:
        await use_all(["a.local", "b.local", "down.local"])
    except ConnectionRefusedError as error:
        log(f"main: {error}")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:after-log]
