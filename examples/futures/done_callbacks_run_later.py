"""Done callbacks: added, removed, and always run later by the loop."""

import asyncio


def announce(future):
    print(f"announce() sees the result {future.result()!r}")


def audit(future):
    """Never called: main() adds it twice, then removes it."""


def latecomer(future):
    print("latecomer() ran, although the future was done when it was added")


async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    future.add_done_callback(announce)
    future.add_done_callback(audit)
    future.add_done_callback(audit)  # the same function twice
    removed = future.remove_done_callback(audit)
    print(f"remove_done_callback(audit) removed {removed} callbacks")

    future.set_result("ready")
    print("set_result() has returned; no callback has run yet")
    future.add_done_callback(latecomer)
    print("added latecomer() to the done future; it has not run yet")

    await asyncio.sleep(0)  # one trip round the loop
    print("main() is back after the callbacks")


if __name__ == "__main__":
    asyncio.run(main())
