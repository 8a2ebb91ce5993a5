"""Exercise solution: ready callbacks first, then a zero-delay timer."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0, log, "the call_later(0) timer fired")
    loop.call_later(2, log, "the 2-second timer fired")
    loop.call_later(1, log, "the 1-second timer fired")
    loop.call_soon(log, "the first call_soon callback ran")
    loop.call_soon(log, "the second call_soon callback ran")
    log("main() has scheduled five callbacks")
    await asyncio.sleep(2.5)
    log("main() resumed after its own 2.5-second sleep")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:after-log]
