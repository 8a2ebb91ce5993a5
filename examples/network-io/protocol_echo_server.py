"""The layer under streams: a Protocol whose methods the transport calls."""

import asyncio


# --8<-- [start:protocol]
class EchoProtocol(asyncio.Protocol):
    """One instance per connection; the loop calls these methods."""

    def __init__(self, finished):
        self.finished = finished  # a future to set when the connection ends

    def connection_made(self, transport):
        self.transport = transport
        print("protocol: connection made")

    def data_received(self, data):
        # Called with whatever bytes arrived: not lines, not messages.
        print(f"protocol: received {data!r}")
        self.transport.write(data.upper())  # buffered; no drain() here

    def eof_received(self):
        print("protocol: the client sent EOF")
        return False  # False: let the transport close our side too

    def connection_lost(self, exc):
        print(f"protocol: connection lost, exc={exc!r}")
        self.finished.set_result(None)


# --8<-- [end:protocol]


async def main():
    loop = asyncio.get_running_loop()
    finished = loop.create_future()
    server = await loop.create_server(
        lambda: EchoProtocol(finished), "127.0.0.1", 0
    )
    async with server:
        host, port = server.sockets[0].getsockname()
        # A stream client talks to a protocol server like to any other.
        reader, writer = await asyncio.open_connection(host, port)
        writer.write(b"hello, ")
        await writer.drain()
        print(f"client: got {await reader.readexactly(7)!r}")
        writer.write(b"protocol")
        writer.write_eof()  # "I have nothing more to send"
        print(f"client: got {await reader.read()!r} and then EOF")
        writer.close()
        await writer.wait_closed()
        await finished


if __name__ == "__main__":
    asyncio.run(main())
