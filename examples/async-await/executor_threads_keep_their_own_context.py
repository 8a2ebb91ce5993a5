"""run_in_executor() does not copy the task's context; to_thread() does."""

import asyncio
import concurrent.futures
import contextvars
import functools

request_id = contextvars.ContextVar("request_id", default="-")


def work(job):
    seen = request_id.get()
    request_id.set(f"set by {job}")  # stays behind in the worker thread
    return f"{job}: saw request_id={seen!r}"


async def main():
    request_id.set("req-1")
    loop = asyncio.get_running_loop()
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        print(await loop.run_in_executor(pool, work, "job 1"))
        print(await loop.run_in_executor(pool, work, "job 2"))
        in_my_context = functools.partial(contextvars.copy_context().run, work)
        print(await loop.run_in_executor(pool, in_my_context, "job 3"))
    print(await asyncio.to_thread(work, "job 4"))
    print(f"main: request_id={request_id.get()!r}")


if __name__ == "__main__":
    asyncio.run(main())
