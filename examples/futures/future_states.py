"""A future's states, and what result() and exception() do in each."""

import asyncio


def attempt(method):
    """Call result() or exception() and say what happened."""
    # CancelledError is not a subclass of Exception, so it is named too.
    try:
        return f"returns {method()!r}"
    except (Exception, asyncio.CancelledError) as error:
        return f"raises {error!r}"


def describe(label, future):
    print(f"{label}: done()={future.done()} cancelled()={future.cancelled()}")
    print(f"    result()    {attempt(future.result)}")
    print(f"    exception() {attempt(future.exception)}")


async def main():
    loop = asyncio.get_running_loop()
    pending, ok, failed, cancelled = (loop.create_future() for _ in range(4))

    ok.set_result(42)
    failed.set_exception(KeyError("no such user"))
    print(f"cancel() on a pending future returns {cancelled.cancel()}")
    print(f"cancel() on a done future returns {ok.cancel()}")

    describe("pending", pending)
    describe("result set", ok)
    describe("exception set", failed)
    describe("cancelled", cancelled)


if __name__ == "__main__":
    asyncio.run(main())
