"""A done callback runs in the context that was current when it was added."""

import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="none")


def log_outcome(future):
    print(f"[request {request_id.get()}] outcome: {future.result()}")


async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()

    request_id.set("A-17")
    future.add_done_callback(log_outcome)
    request_id.set("B-42")
    future.add_done_callback(log_outcome)
    # An explicit context replaces the one copied automatically.
    future.add_done_callback(log_outcome, context=contextvars.Context())

    print(f"main() completes the future as request {request_id.get()}")
    future.set_result("saved")
    await asyncio.sleep(0)  # give the loop a turn to run the callbacks


if __name__ == "__main__":
    asyncio.run(main())
