"""A toy task: drive coroutines on the event loop with send() and futures."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
class ToyTask:
    """Runs a coroutine one step per callback, like a bare asyncio.Task."""

    def __init__(self, name, coro):
        self.name = name
        self.coro = coro
        self.loop = asyncio.get_running_loop()
        self.done = self.loop.create_future()  # gets the coroutine's result
        self.loop.call_soon(self.step)

    def step(self, _future=None):  # a done callback is passed the future
        try:
            yielded = self.coro.send(None)
        except StopIteration as stop:
            log(f"[{self.name}] StopIteration: result {stop.value!r}")
            self.done.set_result(stop.value)
        except Exception as error:
            log(f"[{self.name}] {type(error).__name__}: stored in done")
            self.done.set_exception(error)
        else:
            if yielded is None:  # a bare yield: "run me again soon"
                log(f"[{self.name}] bare yield: step again next trip")
                self.loop.call_soon(self.step)
            else:  # a future: "run me again when this is done"
                # A future sets this flag before it yields itself. Clear it,
                # as asyncio.Task does: while it is set, the next await on
                # the same future raises RuntimeError.
                yielded._asyncio_future_blocking = False
                log(f"[{self.name}] future: step again when it is done")
                yielded.add_done_callback(self.step)


async def brew(drink, seconds):
    log(f"{drink}: starts")
    await asyncio.sleep(0)
    log(f"{drink}: brews for {seconds} s")
    await asyncio.sleep(seconds)
    log(f"{drink}: ready")
    return drink


async def pour_milk():
    log("milk: starts")
    raise LookupError("the jug is empty")


async def main():  # asyncio.run() runs main() in a real asyncio.Task
    tea = ToyTask("tea task", brew("tea", 2))
    coffee = ToyTask("coffee task", brew("coffee", 1))
    log(f"main() got {await tea.done!r} and {await coffee.done!r}")
    milk = ToyTask("milk task", pour_milk())
    try:
        await milk.done
    except LookupError as error:
        log(f"main(): await milk.done raised {error!r}")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:after-log]
