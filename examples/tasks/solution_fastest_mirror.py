"""Exercise solution: take the first mirror to answer, cancel the rest."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def download(mirror, seconds):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        log(f"{mirror}: cancelled")
        raise
    return f"file from {mirror}"


async def main():
    mirrors = {"eu": 3, "us": 1.5, "asia": 2}
    tasks = [
        asyncio.create_task(download(name, seconds), name=name)
        for name, seconds in mirrors.items()
    ]
    done, pending = await asyncio.wait(
        tasks, return_when=asyncio.FIRST_COMPLETED
    )
    winner = done.pop()
    log(f"first answer: {winner.result()!r}")
    for task in tasks:
        task.cancel()  # does nothing to the winner, which is done
    await asyncio.wait(pending)  # let the losers finish cancelling
    log(f"all {len(tasks)} tasks done: {all(t.done() for t in tasks)}")


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
