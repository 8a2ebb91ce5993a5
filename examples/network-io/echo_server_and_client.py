"""An echo server and its client in one program, on a port the OS chose."""

import asyncio


async def handle_client(reader, writer):
    peer_host = writer.get_extra_info("peername")[0]
    print(f"server: a client connected from {peer_host}")
    try:
        while line := await reader.readline():  # b"" once the client closed
            print(f"server: echoing {line!r}")
            writer.write(line)
            await writer.drain()
        print("server: the client closed its side; closing mine")
    finally:  # close the connection however this handler ends
        writer.close()
        await writer.wait_closed()


async def main():
    handlers = []  # one task per connection, to wait for at the end

    def client_connected(reader, writer):
        # start_server() calls this for every new connection.
        handlers.append(asyncio.create_task(handle_client(reader, writer)))

    server = await asyncio.start_server(client_connected, "127.0.0.1", 0)
    host, port = server.sockets[0].getsockname()
    # The port changes from run to run, so print only that there is one.
    print(f"main: listening on {host}, on a port the OS chose: {port > 0}")

    async with server:  # closes the server when the block ends
        reader, writer = await asyncio.open_connection(host, port)
        for text in ["hello", "echo, echo"]:
            writer.write(f"{text}\n".encode())
            await writer.drain()
            reply = await reader.readline()
            print(f"client: got back {reply!r}")
        writer.close()
        await writer.wait_closed()
        print("client: closed")
        await asyncio.gather(*handlers)
    print("main: every connection served, server closed")


if __name__ == "__main__":
    asyncio.run(main())
