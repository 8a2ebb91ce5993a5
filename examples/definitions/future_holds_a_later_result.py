"""A future is a placeholder; awaiting it waits until a result is set."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
def report(future):
    # A done callback is called with the future as its only argument.
    log(f"done callback: the result is {future.result()!r}")


async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    future.add_done_callback(report)

    def deliver():
        log("timer callback: calling set_result('parcel')")
        future.set_result("parcel")
        log("timer callback: set_result() has returned")

    loop.call_later(2, deliver)
    log(f"main() awaits the future; done() is {future.done()}")
    value = await future
    log(f"main() resumed with {value!r}; done() is {future.done()}")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:after-log]
