"""A connection made in one event loop cannot be used from another."""

import asyncio
import sys

import pytest
import pytest_asyncio


async def shout(reader, writer):
    async for line in reader:  # answer each line in capitals
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


# One connection for the whole module, made in the module's event loop.
@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def connection():
    handlers = []

    async def serve(reader, writer):
        handlers.append(asyncio.current_task())
        await shout(reader, writer)

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    yield reader, writer
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    await asyncio.gather(*handlers)  # leave no handler running


@pytest.mark.asyncio  # runs in a loop of its own, made for this test
async def test_in_a_loop_of_its_own(connection):
    reader, _ = connection
    with pytest.raises(RuntimeError, match="attached to a different loop"):
        await reader.readline()  # nothing to read yet: it must wait


@pytest.mark.asyncio(loop_scope="module")  # the fix: the fixture's loop
async def test_in_the_fixtures_loop(connection):
    reader, writer = connection
    writer.write(b"ping\n")
    assert await reader.readline() == b"PING\n"


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-qq", "-rA", "-p", "no:cacheprovider"]))
