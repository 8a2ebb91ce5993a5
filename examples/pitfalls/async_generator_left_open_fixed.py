# /// script
# [tool.fieldguide]
# coverage = false  # the failure path it fixes never runs here
# ///
"""aclosing() closes the generator as the loop is left, in the right order."""

import asyncio
from contextlib import aclosing


class Connection:
    """Stands in for a database connection."""

    def __init__(self):
        self.closed = False

    async def execute(self, command):
        if self.closed:
            raise RuntimeError(f"connection is closed, cannot {command}")
        await asyncio.sleep(0.1)
        print(f"  {command}")

    async def close(self):
        self.closed = True
        print("  connection closed")


# --8<-- [start:main]
async def rows(conn):
    await conn.execute("open cursor")
    try:
        for n in range(1000):
            yield n
    finally:
        await conn.execute("close cursor")  # needs the connection


async def main():
    conn = Connection()
    async with aclosing(rows(conn)) as results:
        async for row in results:
            print(f"row {row}")
            if row == 1:
                break  # aclosing() closes the generator just after
    await conn.close()
    await asyncio.sleep(1)  # other work
    print("main() returns")


# --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
