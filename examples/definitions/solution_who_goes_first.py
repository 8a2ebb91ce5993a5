"""Exercise solution: ready callbacks first, then a zero-delay timer."""

import asyncio


def report(loop, start, message):
    print(f"{loop.time() - start:3.1f}s  {message}")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    loop.call_later(0, report, loop, start, "call_later(0)")
    loop.call_later(2, report, loop, start, "the 2-second timer fired")
    loop.call_later(1, report, loop, start, "the 1-second timer fired")
    loop.call_soon(report, loop, start, "first call_soon")
    loop.call_soon(report, loop, start, "second call_soon")
    report(loop, start, "main() has scheduled five callbacks")
    await asyncio.sleep(2.5)
    report(loop, start, "main() resumed after its own 2.5-second sleep")


if __name__ == "__main__":
    asyncio.run(main())
