"""Exercise solution: commit on success, roll back on failure, re-raise."""

import asyncio
import contextlib
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def execute(statement):
    await asyncio.sleep(0.5)  # a round trip to the database
    log(statement)


@contextlib.asynccontextmanager
async def transaction():
    await execute("BEGIN")
    try:
        yield
    except BaseException:  # cancellation should roll back too
        await execute("ROLLBACK")
        raise  # never swallow the body's exception
    else:
        await execute("COMMIT")


async def main():
    async with transaction():
        await execute("UPDATE stock SET count = count - 1")

    try:
        async with transaction():
            await execute("UPDATE stock SET count = count - 1")
            raise ValueError("card declined")
    except ValueError as error:
        log(f"main: caught {error!r}")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:after-log]
