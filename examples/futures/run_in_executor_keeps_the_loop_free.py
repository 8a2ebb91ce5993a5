"""Blocking calls in worker threads: run_in_executor() and to_thread()."""

import asyncio
import contextvars
import threading

user = contextvars.ContextVar("user", default="nobody")


def blocking_lookup(gate):
    """A blocking call: it cannot return before someone opens the gate."""
    gate.wait()
    return f"user is {user.get()!r}"


async def main():
    user.set("ada")
    loop = asyncio.get_running_loop()
    gate = threading.Event()
    # run_in_executor() hands the call to a worker thread right away.
    by_executor = loop.run_in_executor(None, blocking_lookup, gate)
    # to_thread() makes a coroutine; the call starts only when it runs.
    by_thread = asyncio.create_task(asyncio.to_thread(blocking_lookup, gate))
    await asyncio.sleep(0)  # one turn: the task runs and hands its call over

    done = [by_executor.done(), by_thread.done()]
    print(f"main() runs while both calls wait in threads; done: {done}")
    gate.set()  # the loop's thread is free, so main() can open the gate
    print(f"run_in_executor(): {await by_executor}")
    print(f"to_thread():       {await by_thread}")


if __name__ == "__main__":
    asyncio.run(main())
