"""Cancelling a future: every coroutine awaiting it gets CancelledError."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def wait_for_reply(name, reply):
    try:
        return await reply
    except asyncio.CancelledError as error:
        log(f"{name}: await raised {error!r}")
        raise  # let the cancellation end this task too


async def main():
    loop = asyncio.get_running_loop()
    reply = loop.create_future()
    waiter = asyncio.create_task(wait_for_reply("waiter", reply))
    loop.call_later(1, reply.cancel, "the server went away")

    try:
        await waiter
    except asyncio.CancelledError as error:
        log(f"main(): the waiting task ended with {error!r}")
    log(f"waiter.cancelled() is {waiter.cancelled()}")
    try:
        reply.result()
    except asyncio.CancelledError as error:
        log(f"main(): reply.result() raised {error!r}")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:after-log]
