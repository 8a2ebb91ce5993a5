"""Writing without drain() lets a slow reader fill the writer's memory."""

import asyncio

CHUNK = b"x" * 65_536  # 64 KiB
CHUNKS = 256  # 16 MiB in all
MiB = 1_048_576


async def slow_reader(reader, writer):
    # Reads 64 KiB at a time and takes a break after each read.
    received = 0
    try:
        while chunk := await reader.read(65_536):
            received += len(chunk)
            await asyncio.sleep(0.01)
        assert received == CHUNKS * len(CHUNK)  # every byte arrived
    finally:
        writer.close()
        await writer.wait_closed()


async def send(host, port, use_drain):
    _, writer = await asyncio.open_connection(host, port)
    low, high = writer.transport.get_write_buffer_limits()
    print(f"limits: low {low // 1024} KiB, high {high // 1024} KiB")
    largest = 0
    for _ in range(CHUNKS):
        writer.write(CHUNK)  # never blocks: what can't be sent is kept
        largest = max(largest, writer.transport.get_write_buffer_size())
        if use_drain:
            await writer.drain()  # waits while the buffer is too full
        else:
            await asyncio.sleep(0)  # stands for other awaits in a program
    writer.close()
    await writer.wait_closed()  # waits until everything has been sent
    return largest


async def main():
    handlers = []

    def client_connected(reader, writer):
        handlers.append(asyncio.create_task(slow_reader(reader, writer)))

    server = await asyncio.start_server(client_connected, "127.0.0.1", 0)
    async with server:
        host, port = server.sockets[0].getsockname()
        largest = await send(host, port, use_drain=False)
        print(f"without drain(): largest buffer > 1 MiB: {largest > MiB}")
        largest = await send(host, port, use_drain=True)
        print(f"with drain(): largest buffer <= 128 KiB: {largest <= 131_072}")
        await asyncio.gather(*handlers)


if __name__ == "__main__":
    asyncio.run(main())
