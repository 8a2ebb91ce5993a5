"""The event loop: "when this happens, run that"."""

import asyncio


def report(loop, start, message):
    print(f"{loop.time() - start:3.1f}s  {message}")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    # --8<-- [start:schedule]
    loop.call_later(2, report, loop, start, "the 2-second timer fired")
    loop.call_later(1, report, loop, start, "the 1-second timer fired")
    loop.call_soon(report, loop, start, "call_soon: ran once main() paused")
    report(loop, start, "main() has scheduled three callbacks")
    await asyncio.sleep(2.5)  # main() pauses here; the loop runs the callbacks
    report(loop, start, "main() resumed after its own 2.5-second sleep")
    # --8<-- [end:schedule]


if __name__ == "__main__":
    asyncio.run(main())
