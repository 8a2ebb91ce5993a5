"""UDP: datagrams, not a stream, with create_datagram_endpoint()."""

import asyncio
import socket


# --8<-- [start:protocols]
class EchoServer(asyncio.DatagramProtocol):
    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        # Each call is one whole datagram, with the address it came from.
        print(f"server: {data!r} from {addr[0]}")
        self.transport.sendto(data.upper(), addr)


class Client(asyncio.DatagramProtocol):
    def __init__(self):
        self.replies = asyncio.Queue()

    def datagram_received(self, data, addr):
        self.replies.put_nowait(data)

    def error_received(self, exc):
        self.replies.put_nowait(exc)  # hand it to whoever waits for a reply


# --8<-- [end:protocols]


async def main():
    loop = asyncio.get_running_loop()
    # --8<-- [start:endpoints]
    server_transport, _ = await loop.create_datagram_endpoint(
        EchoServer, local_addr=("127.0.0.1", 0)
    )
    address = server_transport.get_extra_info("sockname")
    client_transport, client = await loop.create_datagram_endpoint(
        Client, remote_addr=address
    )
    try:
        for message in [b"one", b"two", b"three"]:
            client_transport.sendto(message)  # one datagram; no drain()
            print(f"client: got {await client.replies.get()!r}")
    finally:
        client_transport.close()
        server_transport.close()
    # --8<-- [end:endpoints]

    # --8<-- [start:nobody]
    # A UDP socket that holds a port but takes datagrams only from itself,
    # so the system refuses the client's datagram, as for a closed port.
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as holder:
        holder.bind(("127.0.0.1", 0))
        holder.connect(holder.getsockname())
        transport, client = await loop.create_datagram_endpoint(
            Client, remote_addr=holder.getsockname()
        )
        try:
            transport.sendto(b"anyone?")  # succeeds: nothing checks on the way
            async with asyncio.timeout(1):
                print(f"client: got {await client.replies.get()!r}")
        finally:
            transport.close()
    # --8<-- [end:nobody]


if __name__ == "__main__":
    asyncio.run(main())
