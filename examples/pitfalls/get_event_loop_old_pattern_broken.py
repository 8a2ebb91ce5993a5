# /// script
# requires-python = ">=3.11"
# [tool.fieldguide]
# record-stderr = true
# output-per-version = true
# ///
"""The pre-3.7 way to get a loop, which newer Pythons treat more strictly."""

import asyncio


async def fetch_answer():
    await asyncio.sleep(0.1)
    return 42


def main():
    # The old pattern: ask for "the" loop, then drive it by hand.
    loop = asyncio.get_event_loop()
    print("old pattern:", loop.run_until_complete(fetch_answer()))
    loop.close()

    # Later, someone adds a call to asyncio.run() ...
    print("asyncio.run():", asyncio.run(fetch_answer()))

    # ... and the old pattern, run again, finds no loop at all.
    try:
        loop = asyncio.get_event_loop()
    except RuntimeError as error:
        print("RuntimeError:", error)


if __name__ == "__main__":
    main()
