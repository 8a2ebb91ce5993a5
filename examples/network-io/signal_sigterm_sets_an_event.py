"""SIGTERM asks a service to stop; a signal handler turns it into an Event."""

import asyncio
import os
import signal
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def serve(stop):
    job = 0
    while not stop.is_set():  # checked between jobs, never during one
        job += 1
        log(f"job {job}: started")
        await asyncio.sleep(1)
        log(f"job {job}: finished")
    log("no new jobs after the stop request")


async def main():
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()

    def on_sigterm():
        # The loop calls this like any callback, between steps of tasks,
        # so it may use asyncio freely. (Unix only.)
        log("SIGTERM received")
        stop.set()

    loop.add_signal_handler(signal.SIGTERM, on_sigterm)
    # Stands in for `kill PID`, or a service manager stopping the program.
    loop.call_later(2.5, os.kill, os.getpid(), signal.SIGTERM)

    await serve(stop)
    loop.remove_signal_handler(signal.SIGTERM)  # back to the default
    log("stopped cleanly: exit status 0")


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
