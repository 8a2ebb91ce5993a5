"""Synchronous code that runs coroutines, without get_event_loop()."""

import asyncio


async def fetch_answer():
    loop = asyncio.get_running_loop()  # inside a coroutine: always this one
    await asyncio.sleep(0.1)
    return 42, loop


def main():
    # One loop for several calls from synchronous code (Python 3.11+).
    with asyncio.Runner() as runner:
        first, loop = runner.run(fetch_answer())
        second, same_loop = runner.run(fetch_answer())
        print("runner.run():", first, second, "same loop:", loop is same_loop)

    # One call, one loop, made and closed for you.
    answer, _ = asyncio.run(fetch_answer())
    print("asyncio.run():", answer)


if __name__ == "__main__":
    main()
