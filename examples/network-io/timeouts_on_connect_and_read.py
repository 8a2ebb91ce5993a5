"""Time limits on connecting and on reading, with asyncio.timeout()."""

import asyncio
import socket
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def connect_with_timeout(host, port, seconds):
    try:
        async with asyncio.timeout(seconds):
            reader, writer = await asyncio.open_connection(host, port)
    except TimeoutError:
        log(f"connect: no connection after {seconds}s")
        return None
    log("connect: connected")
    return reader, writer


async def silent_server(reader, writer):
    try:
        await reader.read()  # never answers; waits for the client to leave
    finally:
        writer.close()
        await writer.wait_closed()


async def main():
    # A listening socket whose queue of waiting connections is full and
    # that never accepts any: on Linux, further attempts hang, as they
    # do when a firewall drops packets on the way to a real host.
    with socket.socket() as full:
        full.bind(("127.0.0.1", 0))
        full.listen(0)  # Linux queues one connection for a backlog of 0
        host, port = full.getsockname()
        _, first_writer = await connect_with_timeout(host, port, 2)
        second = await connect_with_timeout(host, port, 2)
        first_writer.close()
        await first_writer.wait_closed()
        log(f"second attempt gave up: {second is None}")

    handlers = []

    def client_connected(reader, writer):
        handlers.append(asyncio.create_task(silent_server(reader, writer)))

    server = await asyncio.start_server(client_connected, "127.0.0.1", 0)
    async with server:
        host, port = server.sockets[0].getsockname()
        reader, writer = await connect_with_timeout(host, port, 2)
        writer.write(b"PING\n")
        await writer.drain()
        try:
            async with asyncio.timeout(3):
                await reader.readline()  # this server never answers
        except TimeoutError:
            log("read: no reply within 3s")
        writer.close()
        await writer.wait_closed()
        await asyncio.gather(*handlers)


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
