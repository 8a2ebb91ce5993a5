"""A future is a placeholder; awaiting it waits until a result is set."""

import asyncio

started = 0.0  # the event loop's clock when main() began


def log(message):
    """Print a message after the seconds since main() began."""
    elapsed = asyncio.get_running_loop().time() - started
    print(f"{elapsed:3.1f}s  {message}")


# --8<-- [start:after-log]
def report(future):
    # A done callback is called with the future as its only argument.
    log(f"done callback: the result is {future.result()!r}")


async def main():
    global started
    loop = asyncio.get_running_loop()
    started = loop.time()
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
