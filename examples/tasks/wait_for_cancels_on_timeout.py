"""wait_for() cancels the work on timeout and waits for it to clean up."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def query(seconds):
    log(f"query: starts, needs {seconds} s")
    try:
        await asyncio.sleep(seconds)
        return "rows"
    finally:
        await asyncio.sleep(0.5)  # close the connection, on success or not
        log("query: connection closed")


async def main():
    log(f"fast query: {await asyncio.wait_for(query(1), timeout=2)!r}")
    try:
        await asyncio.wait_for(query(5), timeout=2)
    except TimeoutError:
        log("slow query: TimeoutError, after its cleanup finished")


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
