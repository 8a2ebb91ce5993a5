"""A task that nothing refers to can be garbage collected mid-flight."""

import asyncio
import gc


def report(loop, context):
    # Print the loop's error reports to stdout instead of logging them.
    print(f"event loop: {context['message']}")


async def wait_for_reply():
    reply = asyncio.get_running_loop().create_future()  # no one else has it
    try:
        print("listener: waiting for a reply")
        await reply
    finally:
        print("listener: finally block runs")


async def main():
    asyncio.get_running_loop().set_exception_handler(report)
    asyncio.create_task(wait_for_reply())  # noqa: RUF006 (the bug on show)
    await asyncio.sleep(1)  # the listener starts and waits
    print(f"main: tasks alive before collection: {len(asyncio.all_tasks())}")
    gc.collect()
    print(f"main: tasks alive after collection: {len(asyncio.all_tasks())}")


if __name__ == "__main__":
    asyncio.run(main())
