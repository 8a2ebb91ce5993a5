# /// script
# [tool.fieldguide]
# record-stderr = true  # its point is the message debug mode logs
# ///
"""Debug mode names each step of the loop that ran for too long."""

import asyncio
import time


def parse_report():
    time.sleep(0.25)  # stands in for a blocking call, such as a big parse
    print("parse_report(): done")


async def handle_upload():
    time.sleep(0.15)  # noqa: ASYNC251 (blocking in a coroutine: the bug)
    print("handle_upload(): done")


async def main():
    loop = asyncio.get_running_loop()
    print(f"debug mode: {loop.get_debug()}")
    print(f"reported from: {loop.slow_callback_duration} s")
    loop.call_soon(parse_report)
    await loop.create_task(handle_upload(), name="upload")
    loop.slow_callback_duration = 0.2  # only steps longer than this now
    await loop.create_task(handle_upload(), name="upload-again")
    print("main(): finished")


if __name__ == "__main__":
    asyncio.run(main(), debug=True)
