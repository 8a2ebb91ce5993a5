"""The event loop, a coroutine, a future and a task, each doing its part."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def ask(answer):
    # A coroutine: it pauses until the future has a result.
    log("ask(): asks the question and waits for the answer")
    reply = await answer
    log(f"ask(): got {reply!r}, and returns")
    return reply.upper()


async def main():
    loop = asyncio.get_running_loop()

    # A future: the answer to a question nobody has answered yet.
    answer = loop.create_future()
    # A task: the loop runs ask() alongside main().
    task = asyncio.create_task(ask(answer))

    # The event loop: "in 2 seconds, run reply()".
    def reply():
        log("reply(): a timer callback sets the answer")
        answer.set_result("yes")

    loop.call_later(2, reply)

    log("main(): created the task and the timer; awaits the task")
    result = await task
    log(f"main(): the task returned {result!r}")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:after-log]
