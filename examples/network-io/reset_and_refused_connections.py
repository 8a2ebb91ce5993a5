"""What a client sees when the other side hangs up, resets, or is not there."""

import asyncio
import errno
import socket
import struct


async def hang_up(reader, writer, how):
    await reader.readline()  # take the request, then give no answer
    if how == "abort":
        writer.transport.abort()  # close at once, dropping unsent data
    elif how == "reset":
        # Linger on: with a timeout of 0 s, close() sends a reset (RST).
        sock = writer.get_extra_info("socket")
        linger = struct.pack("ii", 1, 0)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
        writer.close()


async def ask(host, port):
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(b"QUESTION\n")
    await writer.drain()
    try:
        reply = await reader.readline()
        print(f"  readline() returned {reply!r}")
        await reader.readexactly(4)
    except (asyncio.IncompleteReadError, ConnectionResetError) as error:
        print(f"  {type(error).__name__}: {error}")
    writer.close()
    try:
        await writer.wait_closed()
    except ConnectionResetError:
        print("  wait_closed() raised ConnectionResetError too")


async def main():
    handlers = []
    for how in ["abort", "reset"]:
        print(f"server {how}s:")

        def client_connected(reader, writer, how=how):
            task = asyncio.create_task(hang_up(reader, writer, how))
            handlers.append(task)

        server = await asyncio.start_server(client_connected, "127.0.0.1", 0)
        async with server:
            await ask(*server.sockets[0].getsockname())
            await asyncio.gather(*handlers)

    # A socket bound to a port but not listening holds the port, so no
    # other program can take it, and refuses every connection to it.
    with socket.socket() as placeholder:
        placeholder.bind(("127.0.0.1", 0))
        print("nothing listens:")
        try:
            await asyncio.open_connection(*placeholder.getsockname())
        except ConnectionRefusedError as error:
            # The message names the port, which differs on every run.
            print(f"  ConnectionRefusedError, {errno.errorcode[error.errno]}")


if __name__ == "__main__":
    asyncio.run(main())
