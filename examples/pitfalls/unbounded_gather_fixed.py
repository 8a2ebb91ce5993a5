# /// script
# [tool.fieldguide]
# coverage = false  # the failure path it fixes never runs here
# ///
"""A semaphore lets five of twenty queries run at a time."""

import asyncio

MAX_CLIENTS = 5
QUERIES = 20


class SmallServer:
    """Stands in for a database that allows 5 clients at a time."""

    def __init__(self):
        self.open = 0  # connections open right now
        self.peak = 0  # most queries running at once
        self.refused = 0

    async def handle(self, reader, writer):
        try:
            if self.open == MAX_CLIENTS:
                self.refused += 1
                writer.write(b"ERROR too many clients already\n")
            else:
                self.open += 1
                self.peak = max(self.peak, self.open)
                await reader.readline()
                await asyncio.sleep(1)  # each query takes a second
                writer.write(b"OK\n")
                self.open -= 1
        finally:
            writer.close()
            await writer.wait_closed()


# --8<-- [start:client]
async def query(port, n):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(f"SELECT {n}\n".encode())
        return (await reader.readline()).decode().strip()
    finally:
        writer.close()
        await writer.wait_closed()


# --8<-- [start:main]
async def main():
    db = SmallServer()
    server = await asyncio.start_server(db.handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    limit = asyncio.Semaphore(MAX_CLIENTS)

    async def bounded_query(n):
        async with limit:  # waits here while 5 others are running
            return await query(port, n)

    replies = await asyncio.gather(*(bounded_query(n) for n in range(QUERIES)))
    ok = replies.count("OK")
    print(f"{ok} answered, {QUERIES - ok} refused")
    print(f"server: {db.peak} queries at once, {db.refused} refused")
    server.close()
    await server.wait_closed()


# --8<-- [end:main]
# --8<-- [end:client]


if __name__ == "__main__":
    asyncio.run(main())
