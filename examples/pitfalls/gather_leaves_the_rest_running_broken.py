"""gather() raises the first error and leaves the other tasks running."""

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
        await asyncio.gather(
            step("reserve stock", 0.5),
            step("charge card", 1, ValueError("declined")),
            step("e-mail receipt", 2),
            step("book courier", 3, ConnectionError("unreachable")),
        )
    except ValueError as error:
        log(f"main: order failed ({error}); on to the next order")
    await asyncio.sleep(4)  # the program goes on with other work
    log("main: done")


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
