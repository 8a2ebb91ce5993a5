# /// script
# requires-python = ">=3.11"
# [tool.fieldguide]
# record-stderr = true
# ///
"""An async generator abandoned by break cleans up after its connection."""

import asyncio


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
    async for row in rows(conn):
        print(f"row {row}")
        if row == 1:
            break  # leaves the generator paused at its yield
    await conn.close()
    await asyncio.sleep(1)  # other work
    print("main() returns")


# --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
