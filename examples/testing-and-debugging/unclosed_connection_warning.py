"""A connection that is never closed is reported when it is freed."""

import asyncio
import warnings


async def greet(reader, writer):
    writer.write(b"hello\n")
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def read_greeting(port, close):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    line = await reader.readline()
    if close:
        writer.close()
        await writer.wait_closed()
    return line.decode().strip()  # the writer is freed as the call ends


async def main():
    server = await asyncio.start_server(greet, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        # Python hides ResourceWarning unless asked (-X dev shows it); here
        # every warning is kept in a list, to print it after each call.
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            print("closed:", await read_greeting(port, close=True))
            print(f"  warnings: {len(caught)}")
            print("left open:", await read_greeting(port, close=False))
            print(f"  warnings: {len(caught)}")
        for warning in caught:
            print(f"{warning.category.__name__}: {warning.message}")


if __name__ == "__main__":
    asyncio.run(main())
