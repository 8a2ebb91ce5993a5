"""A server serves each connection in its own task, all at the same time."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def handle_client(reader, writer):
    try:
        name = (await reader.readline()).decode().strip()
        log(f"server: serving {name}")
        while request := await reader.readline():
            seconds = float(request)
            await asyncio.sleep(seconds)  # the work this request takes
            writer.write(f"done in {seconds}s\n".encode())
            await writer.drain()
        log(f"server: {name} has gone")
    finally:
        writer.close()
        await writer.wait_closed()


async def client(name, server, jobs):
    host, port = server.sockets[0].getsockname()
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(f"{name}\n".encode())
    for seconds in jobs:
        writer.write(f"{seconds}\n".encode())
        await writer.drain()
        reply = await reader.readline()
        log(f"{name}: {reply.decode().strip()}")
    writer.close()
    await writer.wait_closed()


async def main():
    handlers = []

    def client_connected(reader, writer):
        task = asyncio.create_task(
            handle_client(reader, writer), name=f"conn-{len(handlers) + 1}"
        )
        handlers.append(task)

    server = await asyncio.start_server(client_connected, "127.0.0.1", 0)
    async with server:
        async with asyncio.TaskGroup() as group:
            group.create_task(client("ann", server, [1, 2]), name="ann")
            group.create_task(client("bob", server, [2, 0.5]), name="bob")
            group.create_task(client("cy", server, [0.5, 0.7]), name="cy")
        await asyncio.gather(*handlers)
    log("main: all three served, server closed")


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
