"""The event loop: "when this happens, run that"."""

import asyncio

started = 0.0  # the event loop's clock when main() began


def log(message):
    """Print a message after the seconds since main() began."""
    elapsed = asyncio.get_running_loop().time() - started
    print(f"{elapsed:3.1f}s  {message}")


async def main():
    global started
    loop = asyncio.get_running_loop()
    started = loop.time()
    # --8<-- [start:schedule]
    loop.call_later(2, log, "the 2-second timer fired")
    loop.call_later(1, log, "the 1-second timer fired")
    loop.call_soon(log, "the call_soon callback ran")
    log("main() has scheduled three callbacks")
    await asyncio.sleep(2.5)  # main() pauses; the loop runs the callbacks
    log("main() resumed after its own 2.5-second sleep")
    # --8<-- [end:schedule]


if __name__ == "__main__":
    asyncio.run(main())
