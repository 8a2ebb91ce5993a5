"""The smallest asyncio program: one coroutine, run by asyncio.run()."""

import asyncio


async def main():
    print("main() is running inside the event loop")
    await asyncio.sleep(1)  # pause for a second without blocking the loop
    print("main() is finishing")
    return "the value main() returned"


if __name__ == "__main__":
    # Create an event loop, run main() to the end, close the loop.
    result = asyncio.run(main())
    print(f"asyncio.run() handed back {result!r}")
