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
    ann = asyncio.create_task(wait_for_reply("ann", reply))
    bob = asyncio.create_task(wait_for_reply("bob", reply))
    loop.call_later(1, reply.cancel, "the server went away")

    for name, task in (("ann", ann), ("bob", bob)):
        try:
            await task
        except asyncio.CancelledError as error:
            log(f"main(): await {name} raised {error!r}")
    log(f"ann.cancelled() is {ann.cancelled()}")
    for label, future in (("reply", reply), ("ann", ann)):
        try:
            future.result()
        except asyncio.CancelledError as error:
            log(f"main(): {label}.result() raised {error!r}")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:after-log]
