"""Exercise solution: a round-robin scheduler made of send(), no asyncio."""

from collections import deque

ready = deque()  # coroutines waiting for their next turn


class Switch:
    """Await Switch() to let the scheduler run the next coroutine."""

    def __await__(self):
        yield


def spawn(coro):
    ready.append(coro)


def run(main_coro):
    spawn(main_coro)
    while ready:
        coro = ready.popleft()
        try:
            coro.send(None)  # run it up to its next Switch()
        except StopIteration as stop:
            print(f"run(): a coroutine returned {stop.value!r}")
        else:
            ready.append(coro)  # it switched: back of the queue


async def count(name, up_to):
    for number in range(1, up_to + 1):
        print(f"    {name} says {number}")
        await Switch()
    return f"{name} is done"


async def main():
    spawn(count("A", 3))
    spawn(count("B", 2))
    print("    main() spawned two counters")
    await Switch()
    print("    main() is back")
    return "main is done"


if __name__ == "__main__":
    run(main())
