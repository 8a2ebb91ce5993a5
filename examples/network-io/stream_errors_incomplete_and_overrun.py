"""What reads raise when the data ends early or a separator never comes."""

import asyncio

# --8<-- [start:errors]
# What the server sends on each connection, in turn, before it closes.
REPLIES = [b"abc", b"x" * 40, b"y" * 40 + b"\n"]


async def three_errors(host, port):
    reader, writer = await asyncio.open_connection(host, port)
    try:
        await reader.readexactly(8)
    except asyncio.IncompleteReadError as error:
        print(f"1. {type(error).__name__}: {error}")
        print(f"   partial={error.partial!r}, expected={error.expected}")
    writer.close()
    await writer.wait_closed()

    # limit= caps how much a reader buffers while looking for a
    # separator (the default is 64 KiB).
    reader, writer = await asyncio.open_connection(host, port, limit=16)
    try:
        await reader.readuntil(b"\n")
    except asyncio.LimitOverrunError as error:
        print(f"2. {type(error).__name__}: {error}")
        print(f"   consumed={error.consumed}")
        rest = await reader.read()  # the data is still in the buffer
        print(f"   still there to read: {len(rest)} bytes")
    writer.close()
    await writer.wait_closed()

    reader, writer = await asyncio.open_connection(host, port, limit=16)
    try:
        await reader.readline()
    except ValueError as error:  # readline() raises ValueError instead
        print(f"3. {type(error).__name__}: {error}")
        rest = await reader.read()
        print(f"   still there to read: {len(rest)} bytes")
    writer.close()
    await writer.wait_closed()


# --8<-- [end:errors]


async def send_reply(reader, writer):
    try:
        writer.write(REPLIES.pop(0))
        await writer.drain()
    finally:
        writer.close()
        await writer.wait_closed()


async def main():
    handlers = []

    def client_connected(reader, writer):
        handlers.append(asyncio.create_task(send_reply(reader, writer)))

    server = await asyncio.start_server(client_connected, "127.0.0.1", 0)
    async with server:
        host, port = server.sockets[0].getsockname()
        await three_errors(host, port)
        await asyncio.gather(*handlers)


if __name__ == "__main__":
    asyncio.run(main())
