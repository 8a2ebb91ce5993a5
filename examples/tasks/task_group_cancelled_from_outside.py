"""A TaskGroup cancelled from outside: CancelledError, unless a task fails."""

import asyncio


async def upload(cleanup_fails):
    try:
        await asyncio.sleep(10)
    finally:  # runs when the upload is cancelled, as here
        if cleanup_fails:
            print("upload: cancelled; its clean-up fails")
            raise OSError("could not delete the partial file")
        print("upload: cancelled; cleaned up")


async def job(cleanup_fails):
    async with asyncio.TaskGroup() as group:
        group.create_task(upload(cleanup_fails))
        await asyncio.sleep(10)


async def main():
    for cleanup_fails in (False, True):
        print(f"--- the clean-up fails: {cleanup_fails}")
        task = asyncio.create_task(job(cleanup_fails))
        await asyncio.sleep(1)
        task.cancel()  # from outside the group, as a shutdown would
        try:
            await task
        except asyncio.CancelledError:
            print("main: the job ended with CancelledError")
        except ExceptionGroup as group_error:
            failures = list(group_error.exceptions)
            print(f"main: the job ended with ExceptionGroup {failures!r}")


if __name__ == "__main__":
    asyncio.run(main())
