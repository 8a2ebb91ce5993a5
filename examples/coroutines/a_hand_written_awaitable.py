"""An awaitable class: what it yields travels out to whoever calls send()."""

import asyncio


class Ask:
    """Await Ask(question) to get an answer from whoever drives us."""

    def __init__(self, question):
        self.question = question

    def __await__(self):
        answer = yield self.question  # out through every await, to send()
        return answer  # becomes the value of the await expression


async def area_of(shape):
    width = await Ask(f"width of the {shape}?")
    height = await Ask(f"height of the {shape}?")
    return width * height


async def main():
    area = await area_of("door")
    return f"the door is {area} square units"


if __name__ == "__main__":
    answers = {"width of the door?": 3, "height of the door?": 7}
    coro = main()
    request = coro.send(None)  # run main() to its first yield
    while True:
        print(f"the coroutine yielded {request!r}")
        try:
            request = coro.send(answers[request])
        except StopIteration as stop:
            print(f"it returned {stop.value!r}")
            break

    try:
        asyncio.run(main())  # an asyncio task is a driver with other rules
    except RuntimeError as error:
        print(f"under asyncio.run(): RuntimeError: {error}")
