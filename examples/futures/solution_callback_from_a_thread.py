# /// script
# [tool.fieldguide]
# virtual-time = false  # the made-up library works in its own threads
# ///
"""Exercise solution: awaiting an API that calls back from another thread."""

import asyncio
import threading


def start_lookup(word, on_done):
    """A made-up library: looks a word up in a new thread, then calls
    on_done(answer) in that thread."""

    def work():
        on_done(f"{word} has {len(word)} letters")

    threading.Thread(target=work, name=f"lookup-{word}").start()


async def lookup(word):
    loop = asyncio.get_running_loop()
    future = loop.create_future()

    def deliver(answer, caller):  # runs on the loop's thread
        if not future.done():
            here = threading.current_thread().name
            future.set_result(f"{answer} (from {caller}, set in {here})")

    def on_done(answer):  # runs in the library's thread
        caller = threading.current_thread().name
        loop.call_soon_threadsafe(deliver, answer, caller)

    start_lookup(word, on_done)
    return await future


async def main():
    for word in ("future", "loop"):
        print(await lookup(word))


if __name__ == "__main__":
    asyncio.run(main())
