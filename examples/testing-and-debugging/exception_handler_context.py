"""loop.set_exception_handler() receives the errors nobody else catches."""

import asyncio
import gc


def handle_exception(loop, context):
    # The context is a dict; 'message' is always there, the rest depends on
    # what went wrong.
    print(f"handler: {context['message']}")
    print(f"  keys: {sorted(context)}")
    print(f"  exception: {context.get('exception')!r}")
    if "task" in context or "future" in context:
        future = context.get("task") or context.get("future")
        print(f"  task: {future.get_name()}")
    if "source_traceback" in context:  # debug mode: where it was created
        here = [
            f"{frame.name}():{frame.lineno}"
            for frame in context["source_traceback"]
            if frame.filename == __file__
        ]
        print(f"  created at: {here}")


async def upload():
    await asyncio.sleep(0.1)
    raise ConnectionResetError("peer went away")


def log_line():
    raise ValueError("bad format")


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handle_exception)

    task = asyncio.create_task(upload(), name="upload")  # fire and forget
    await asyncio.sleep(0.5)
    del task  # nobody will ever look at its exception
    gc.collect()  # the failed task is freed: the handler hears of it

    loop.call_soon(log_line)  # a plain callback that raises
    await asyncio.sleep(0)
    print("main(): still running")


if __name__ == "__main__":
    asyncio.run(main(), debug=True)
