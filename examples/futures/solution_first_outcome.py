"""Exercise solution: the outcome of whichever future finishes first."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def first_outcome(*futures):
    """Return the result of the first future to finish, or raise its error."""
    winner = asyncio.get_running_loop().create_future()

    def copy_outcome(future):
        if winner.done():
            return
        if future.cancelled():
            winner.cancel()
        elif future.exception() is not None:
            winner.set_exception(future.exception())
        else:
            winner.set_result(future.result())

    for future in futures:
        future.add_done_callback(copy_outcome)
    try:
        return await winner
    finally:
        removed = sum(f.remove_done_callback(copy_outcome) for f in futures)
        log(f"first_outcome(): callbacks removed from the others: {removed}")


def settle_later(delay, outcome):
    """A future that a timer settles after delay, with a result or an error."""
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    if isinstance(outcome, Exception):
        loop.call_later(delay, future.set_exception, outcome)
    else:
        loop.call_later(delay, future.set_result, outcome)
    return future


async def main():
    mirrors = [
        settle_later(3, "slow mirror"),
        settle_later(1, "fast mirror"),
        settle_later(1, "equally fast mirror"),  # a tie: it comes too late
    ]
    log(f"the winner is the {await first_outcome(*mirrors)}")

    broken = settle_later(1, ConnectionError("refused"))
    working = settle_later(2, "working mirror")
    try:
        await first_outcome(broken, working)
    except ConnectionError as error:
        log(f"the first to finish failed: {error!r}")

    closed = asyncio.get_running_loop().create_future()
    closed.cancel()  # a mirror that was shut down before it answered
    try:
        await first_outcome(closed, settle_later(1, "open mirror"))
    except asyncio.CancelledError:
        log("the first to finish was cancelled")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:after-log]
