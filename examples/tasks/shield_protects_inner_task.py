"""shield() lets the waiter be cancelled while the work itself goes on."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def save(record):
    await asyncio.sleep(3)
    log(f"save: {record} written to disk")
    return "saved"


async def handle_request(saving):
    try:
        return await asyncio.shield(saving)
    except asyncio.CancelledError:
        log("handler: cancelled while waiting; the save goes on")
        raise


async def main():
    saving = asyncio.create_task(save("order 42"))  # keep this reference
    handler = asyncio.create_task(handle_request(saving))
    await asyncio.sleep(1)
    handler.cancel()  # e.g. the client hung up
    try:
        await handler
    except asyncio.CancelledError:
        log(f"main: handler cancelled; save done? {saving.done()}")
    log(f"main: the save task returns {await saving!r}")


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
