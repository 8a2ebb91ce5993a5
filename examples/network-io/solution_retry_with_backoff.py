"""Exercise solution: a client that retries a refused connection."""

import asyncio
import socket
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def connect_with_retry(host, port, attempts=5, first_delay=0.5):
    delay = first_delay
    for attempt in range(1, attempts):
        try:
            return await asyncio.open_connection(host, port)
        except ConnectionRefusedError:
            log(f"attempt {attempt} refused; retrying in {delay}s")
            await asyncio.sleep(delay)
            delay *= 2  # back off: wait twice as long each time
    # The last attempt: if it is refused too, the caller sees why.
    return await asyncio.open_connection(host, port)


async def greet(reader, writer):
    try:
        writer.write(b"hello from a late server\n")
        await writer.drain()
    finally:
        writer.close()
        await writer.wait_closed()


async def start_late(sock, seconds, handlers):
    await asyncio.sleep(seconds)  # the server is slow to come up

    def client_connected(reader, writer):
        handlers.append(asyncio.create_task(greet(reader, writer)))

    # start_server() can take a socket we made, bound and ready.
    server = await asyncio.start_server(client_connected, sock=sock)
    log("server: listening")
    return server


async def main():
    # Bind first, to know the port; until listen() it refuses connections.
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    host, port = sock.getsockname()
    handlers = []
    starting = asyncio.create_task(start_late(sock, 2, handlers))
    reader, writer = await connect_with_retry(host, port)
    log(f"client: connected, got {await reader.readline()!r}")
    writer.close()
    await writer.wait_closed()
    async with await starting:  # the server; closes it after the block
        await asyncio.gather(*handlers)

    # A port where no server ever comes: the client gives up, with the error.
    with socket.socket() as nobody:
        nobody.bind(("127.0.0.1", 0))
        try:
            await connect_with_retry(*nobody.getsockname(), attempts=3)
        except ConnectionRefusedError as error:
            log(f"client: gave up: {type(error).__name__}")


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
