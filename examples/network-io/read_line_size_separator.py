"""Three ways to read a stream: by line, by exact size, up to a separator."""

import asyncio

# --8<-- [start:reading]
# A line of text, a 2-byte length and that many bytes, then two fields
# that end with ";", and a third cut short. The chunks arrive one by one.
MESSAGE = [b"GREETING hi", b"\n\x00\x05hel", b"lo", b"name=ada;lang=py;v=3"]


async def read_every_way(reader):
    line = await reader.readline()  # up to and including b"\n"
    print(f"readline():         {line!r}")
    header = await reader.readexactly(2)  # exactly 2 bytes, no fewer
    size = int.from_bytes(header, "big")  # most significant byte first
    print(f"readexactly(2):     {header!r}, a length of {size}")
    body = await reader.readexactly(size)
    print(f"readexactly({size}):     {body!r}")
    while True:
        try:
            field = await reader.readuntil(b";")  # separator included
        except asyncio.IncompleteReadError as error:
            # The stream ended; error.partial holds what was left.
            print(f"end of stream, left over: {error.partial!r}")
            break
        print(f"readuntil(b';'):    {field!r}")


# --8<-- [end:reading]


async def send_message(reader, writer):
    try:
        for chunk in MESSAGE:
            writer.write(chunk)
            await writer.drain()
            await asyncio.sleep(0.1)  # let each chunk travel on its own
    finally:
        writer.close()
        await writer.wait_closed()


async def main():
    handlers = []

    def client_connected(reader, writer):
        handlers.append(asyncio.create_task(send_message(reader, writer)))

    server = await asyncio.start_server(client_connected, "127.0.0.1", 0)
    async with server:
        host, port = server.sockets[0].getsockname()
        reader, writer = await asyncio.open_connection(host, port)

        await read_every_way(reader)

        writer.close()
        await writer.wait_closed()
        await asyncio.gather(*handlers)


if __name__ == "__main__":
    asyncio.run(main())
