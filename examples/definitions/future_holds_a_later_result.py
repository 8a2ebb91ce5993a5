"""A future is a placeholder; awaiting it waits until a result is set."""

import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()

    def say(message):
        print(f"{loop.time() - start:3.1f}  {message}")

    # --8<-- [start:future]
    future = loop.create_future()
    future.add_done_callback(lambda f: say(f"callback got {f.result()!r}"))

    def deliver():
        say("timer callback calls set_result('parcel')")
        future.set_result("parcel")

    loop.call_later(2, deliver)
    say(f"main() awaits the future; done() is {future.done()}")
    value = await future
    say(f"main() resumed with {value!r}; done() is {future.done()}")
    # --8<-- [end:future]


if __name__ == "__main__":
    asyncio.run(main())
