# /// script
# [tool.fieldguide]
# virtual-time = false  # the blocking calls run in worker threads
# ///
"""Blocking calls in worker threads: run_in_executor() and to_thread()."""

import asyncio
import concurrent.futures
import contextvars
import threading

user = contextvars.ContextVar("user", default="nobody")


def blocking_lookup(gate):
    """A blocking call: it cannot return before someone opens the gate."""
    gate.wait()
    prefix = threading.current_thread().name.rsplit("_", 1)[0]
    return f"ran in an {prefix!r} thread; user is {user.get()!r}"


async def main():
    user.set("ada")
    loop = asyncio.get_running_loop()
    gate = threading.Event()
    with concurrent.futures.ThreadPoolExecutor(
        thread_name_prefix="own_pool"
    ) as pool:
        calls = {
            "default executor": loop.run_in_executor(
                None, blocking_lookup, gate
            ),
            "own executor": loop.run_in_executor(pool, blocking_lookup, gate),
            "to_thread()": asyncio.create_task(
                asyncio.to_thread(blocking_lookup, gate)
            ),
        }
        finished = [call.done() for call in calls.values()]
        print(f"main() still runs; finished so far: {finished}")
        gate.set()  # only code on the loop can let the threads finish
        for label, call in calls.items():
            print(f"{label}: {await call}")


if __name__ == "__main__":
    asyncio.run(main())
