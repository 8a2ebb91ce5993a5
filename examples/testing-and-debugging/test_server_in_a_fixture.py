"""A real server, started by a fixture on a free port, tested by a client."""

import asyncio
import sys

import pytest
import pytest_asyncio


async def handle_client(store, reader, writer):
    """A tiny key-value server: 'SET key value' and 'GET key', one a line."""
    async for line in reader:
        command, key, *value = line.decode().split()
        if command == "SET":
            store[key] = " ".join(value)
            writer.write(b"OK\n")
        else:
            writer.write(store.get(key, "(none)").encode() + b"\n")
        await writer.drain()
    writer.close()
    await writer.wait_closed()


@pytest_asyncio.fixture
async def server_port():
    # Port 0: the system picks a free port, so tests never collide.
    handlers = []
    store = {}  # one store for the server's connections, empty for each test

    async def serve(reader, writer):
        handlers.append(asyncio.current_task())
        await handle_client(store, reader, writer)

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    yield server.sockets[0].getsockname()[1]
    server.close()
    await server.wait_closed()
    await asyncio.gather(*handlers)  # every connection has been served


@pytest_asyncio.fixture
async def client(server_port):
    reader, writer = await asyncio.open_connection("127.0.0.1", server_port)

    async def ask(text):
        writer.write(text.encode() + b"\n")
        await writer.drain()
        return (await reader.readline()).decode().strip()

    yield ask
    writer.close()
    await writer.wait_closed()


@pytest.mark.asyncio
async def test_set_then_get(client):
    assert await client("SET colour blue") == "OK"
    assert await client("GET colour") == "blue"


@pytest.mark.asyncio
async def test_missing_key(client):
    assert (
        await client("GET colour") == "(none)"
    )  # a new server, and store, for each test


@pytest.mark.asyncio
async def test_two_clients_share_the_store(server_port):
    async def session(*commands):
        reader, writer = await asyncio.open_connection(
            "127.0.0.1", server_port
        )
        replies = []
        for command in commands:
            writer.write(command.encode() + b"\n")
            await writer.drain()
            replies.append((await reader.readline()).decode().strip())
        writer.close()
        await writer.wait_closed()
        return replies

    # Two clients connected at the same time each set a key...
    both = await asyncio.gather(session("SET ann 1"), session("SET bob 2"))
    assert both == [["OK"], ["OK"]]
    # ...and a third client sees both keys.
    assert await session("GET ann", "GET bob") == ["1", "2"]


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-qq", "-rA", "-p", "no:cacheprovider"]))
