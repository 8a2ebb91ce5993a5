"""Where the compiler accepts await, async for and async comprehensions."""

import ast
import asyncio

# Each snippet is compiled, not run: only the compiler's verdict matters.
SNIPPETS = {
    "await, plain def": "def f(x):\n    return await x",
    "await, module level": "value = await x",
    "async for, module level": "async for x in source:\n    pass",
    "comp, async def": "async def f(s):\n    return [x async for x in s]",
    "comp, plain def": "def f(s):\n    return [x async for x in s]",
    "await in comp, plain def": "def f(s):\n    return [await x for x in s]",
    "comp, module level": "values = [x async for x in source]",
    "comp, lambda in async def": (
        "async def f(s):\n    return lambda: [x async for x in s]"
    ),
    "genexp, plain def": "def f(s):\n    return (x async for x in s)",
    "genexp, lambda": "f = lambda s: (x async for x in s)",
    "genexp, module level": "values = (x async for x in source)",
    "nested comp, async def": (
        "async def f(rows):\n    return [[x async for x in r] for r in rows]"
    ),
}


def verdict(source, flags=0):
    try:
        compile(source, "<snippet>", "exec", flags=flags)
    except SyntaxError as error:
        return error.msg
    return "allowed"


async def numbers(count):
    for number in range(count):
        await asyncio.sleep(0)
        yield number


async def main():
    messages = []  # number the distinct error messages, in order
    for where, source in SNIPPETS.items():
        result = verdict(source)
        if result != "allowed":
            if result not in messages:
                messages.append(result)
            result = f"SyntaxError [{messages.index(result) + 1}]"
        print(f"{where:26} {result}")
    for number, message in enumerate(messages, start=1):
        print(f"[{number}] {message}")

    # What `python -m asyncio` and notebooks compile with:
    flag = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
    print(f"await, module level, with the flag: {verdict('await x', flag)}")

    # The nested form (Python 3.11+) runs, too: the outer comprehension
    # becomes asynchronous because an inner one is.
    rows = [[x async for x in numbers(n)] for n in (1, 2, 3)]
    print(f"nested result: {rows}")


if __name__ == "__main__":
    asyncio.run(main())
