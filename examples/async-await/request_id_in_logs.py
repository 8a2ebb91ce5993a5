"""A request id in a ContextVar labels every log line of its request."""

import asyncio
import contextvars
import logging
import sys
import time

START = time.perf_counter()

request_id = contextvars.ContextVar("request_id", default="-")


class AddRequestId(logging.Filter):
    """Copy the current request id onto every log record."""

    def filter(self, record):
        record.request_id = request_id.get()
        record.elapsed = time.perf_counter() - START  # the book's time stamps
        return True


handler = logging.StreamHandler(sys.stdout)
handler.addFilter(AddRequestId())
handler.setFormatter(
    logging.Formatter("%(elapsed)3.1fs  [%(request_id)s] %(message)s")
)
logger = logging.getLogger("shop")
logger.addHandler(handler)
logger.setLevel(logging.INFO)


async def load_rows(table, seconds):
    # Deep inside the application: it knows nothing about requests.
    logger.info("querying %s", table)
    await asyncio.sleep(seconds)
    logger.info("%s answered", table)


async def handle(path, new_id, seconds):
    request_id.set(new_id)  # set once, in this request's own task
    logger.info("start %s", path)
    await load_rows(path.strip("/"), seconds)
    logger.info("done %s", path)


async def main():
    logger.info("server is up")
    async with asyncio.TaskGroup() as group:
        group.create_task(handle("/cart", "req-1", 2))
        group.create_task(handle("/orders", "req-2", 1))
    logger.info("server is idle")


if __name__ == "__main__":
    asyncio.run(main())
