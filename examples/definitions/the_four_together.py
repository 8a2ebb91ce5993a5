"""The event loop, a coroutine, a future and a task, each doing its part."""

import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()

    def log(who, what):
        print(f"{loop.time() - start:3.1f}  {who:<8} {what}")

    # A future: the answer to a question nobody has answered yet.
    answer = loop.create_future()

    # A coroutine: a function that can pause while it waits for the future.
    async def ask():
        log("task", "asks the question and waits for the answer")
        reply = await answer
        log("task", f"got {reply!r}, and finishes")
        return reply.upper()

    # A task: the loop runs the coroutine alongside main().
    task = asyncio.create_task(ask())

    # The event loop: "in 2 seconds, run this callback".
    def reply():
        log("callback", "answers")
        answer.set_result("yes")

    loop.call_later(2, reply)

    log("main", "started the task and the timer; waits for the task")
    result = await task
    log("main", f"the task returned {result!r}")


if __name__ == "__main__":
    asyncio.run(main())
