"""Debug mode refuses loop.call_soon() from a thread that is not the loop's."""

import asyncio
import threading


def report(source):
    print(f"report() called back for the {source}, in {thread_name()}")


def thread_name():
    return threading.current_thread().name


def from_a_worker(loop):
    try:
        loop.call_soon(report, "call_soon()")  # wrong: not thread-safe
    except RuntimeError as error:
        print(f"{thread_name()}: RuntimeError: {error}")
    loop.call_soon_threadsafe(report, "call_soon_threadsafe()")  # right


async def main():
    loop = asyncio.get_running_loop()
    print(f"debug mode: {loop.get_debug()}")
    worker = threading.Thread(target=from_a_worker, args=[loop], name="worker")
    worker.start()
    await asyncio.to_thread(worker.join)  # wait without blocking the loop
    await asyncio.sleep(0)  # one turn of the loop runs the queued callback


if __name__ == "__main__":
    asyncio.run(main(), debug=True)
