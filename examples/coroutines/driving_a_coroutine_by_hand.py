"""Drive a coroutine by hand: send() runs it, StopIteration has the result."""


async def add(a, b):
    print(f"    add({a}, {b}) runs")
    return a + b


async def main():
    print("    main() starts")
    total = await add(1, 2)
    print(f"    main() got {total} from add()")
    return total * 10


if __name__ == "__main__":
    coro = main()  # no event loop anywhere in this program
    try:
        coro.send("hello")
    except TypeError as error:
        print(f"send('hello') first: TypeError: {error}")

    print("send(None):")
    try:
        coro.send(None)
    except StopIteration as stop:
        print(f"StopIteration carries the return value: {stop.value!r}")

    try:
        coro.send(None)
    except RuntimeError as error:
        print(f"send(None) again: RuntimeError: {error}")
