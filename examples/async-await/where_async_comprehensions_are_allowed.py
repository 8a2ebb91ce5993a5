"""Where the compiler accepts asynchronous comprehensions, and where not."""

import asyncio

# Each snippet is compiled, not run: only the compiler's verdict matters.
SNIPPETS = {
    "list comp in async def": """
async def f(source):
    return [x async for x in source]
""",
    "list comp in plain def": """
def f(source):
    return [x async for x in source]
""",
    "await in list comp, plain def": """
def f(items):
    return [await x for x in items]
""",
    "list comp at module level": """
values = [x async for x in source]
""",
    "lambda inside async def": """
async def f(source):
    return lambda: [x async for x in source]
""",
    "generator expr in plain def": """
def f(source):
    return (x async for x in source)
""",
    "nested comp in async def": """
async def f(rows):
    return [[x async for x in row] for row in rows]
""",
}


async def numbers(count):
    for number in range(count):
        await asyncio.sleep(0)
        yield number


async def main():
    messages = set()
    for where, source in SNIPPETS.items():
        try:
            compile(source, "<snippet>", "exec")
            print(f"{where:30}  allowed")
        except SyntaxError as error:
            print(f"{where:30}  SyntaxError")
            messages.add(error.msg)
    print(f"every SyntaxError said: {', '.join(sorted(messages))}")

    # The nested form (Python 3.11+) runs, too: the outer comprehension
    # becomes asynchronous because an inner one is.
    rows = [[x async for x in numbers(n)] for n in (1, 2, 3)]
    print(f"nested result: {rows}")


if __name__ == "__main__":
    asyncio.run(main())
