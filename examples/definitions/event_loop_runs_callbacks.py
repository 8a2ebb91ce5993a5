"""The event loop: "when this happens, run that"."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(2, log, "the 2-second timer fired")
    loop.call_later(1, log, "the 1-second timer fired")
    loop.call_soon(log, "the call_soon callback ran")
    log("main() has scheduled three callbacks")
    await asyncio.sleep(2.5)  # main() pauses; the loop runs the callbacks
    log("main() resumed after its own 2.5-second sleep")


if __name__ == "__main__":
    asyncio.run(main())
