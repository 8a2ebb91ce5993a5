"""A TaskGroup cancels the other tasks when one fails, and reports them all."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def step(name, seconds, error=None):
    await asyncio.sleep(seconds)
    if error is not None:
        log(f"{name}: failed, {error}")
        raise error
    log(f"{name}: done")


async def main():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(step("reserve stock", 0.5))
            group.create_task(step("charge card", 1, ValueError("declined")))
            receipt = group.create_task(step("e-mail receipt", 2))
            courier = group.create_task(
                step("book courier", 3, ConnectionError("unreachable"))
            )
    except* ValueError as errors:
        log(f"main: order failed {errors.exceptions}; on to the next order")
    log(f"main: receipt cancelled? {receipt.cancelled()}")
    log(f"main: courier cancelled? {courier.cancelled()}")
    await asyncio.sleep(4)  # the program goes on with other work
    log("main: done")


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
