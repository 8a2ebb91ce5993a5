"""A real server, started by a fixture on a free port, tested by a client."""

import asyncio
import sys

import pytest
import pytest_asyncio


async def handle_client(reader, writer):
    """A tiny key-value server: 'SET key value' and 'GET key', one a line."""
    store = {}
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

    async def serve(reader, writer):
        handlers.append(asyncio.current_task())
        await handle_client(reader, writer)

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
    assert await client("GET colour") == "(none)"  # a fresh server each test


@pytest.mark.asyncio
async def test_two_clients_at_once(server_port):
    async def session(name):
        reader, writer = await asyncio.open_connection(
            "127.0.0.1", server_port
        )
        writer.write(f"SET name {name}\nGET name\n".encode())
        await writer.drain()
        replies = [await reader.readline() for _ in range(2)]
        writer.close()
        await writer.wait_closed()
        return [reply.decode().strip() for reply in replies]

    # Each connection has its own store, so the sessions do not mix.
    assert await asyncio.gather(session("ann"), session("bob")) == [
        ["OK", "ann"],
        ["OK", "bob"],
    ]


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-qq", "-rA", "-p", "no:cacheprovider"]))
