# /// script
# [tool.fieldguide]
# virtual-time = false  # it prints the loop class, which virtual time alters
# ///
"""Which event loop runs your code, and how to ask for a specific one."""

import asyncio
import selectors


async def main():
    loop = asyncio.get_running_loop()
    print(f"loop class:   {type(loop).__name__}")
    selector = getattr(loop, "_selector", None)  # private; only to peek at it
    print(f"its selector: {type(selector).__name__}")


def select_based_loop():
    """A selector loop on plain select(), not the platform's best."""
    return asyncio.SelectorEventLoop(selectors.SelectSelector())


if __name__ == "__main__":
    print("the default loop:")
    asyncio.run(main())

    print("a loop chosen by a loop factory:")
    with asyncio.Runner(loop_factory=select_based_loop) as runner:
        runner.run(main())
