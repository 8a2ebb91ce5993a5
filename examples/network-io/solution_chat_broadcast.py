"""Exercise solution: a chat server that passes each line to everyone else."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:server]
class ChatRoom:
    def __init__(self):
        self.members = {}  # name -> StreamWriter

    async def broadcast(self, text, skip=None):
        others = [w for n, w in self.members.items() if n != skip]
        for writer in others:
            writer.write(f"{text}\n".encode())
        # Wait until every buffer has room again, so that a slow member
        # slows the sender down instead of filling memory.
        await asyncio.gather(
            *(writer.drain() for writer in others),
            return_exceptions=True,  # a member who just left is no error
        )

    async def serve(self, reader, writer):
        name = (await reader.readline()).decode().strip()
        await self.broadcast(f"* {name} joined")
        self.members[name] = writer
        try:
            while line := await reader.readline():
                await self.broadcast(f"{name}: {line.decode().strip()}", name)
        finally:
            del self.members[name]
            await self.broadcast(f"* {name} left")
            writer.close()
            await writer.wait_closed()


# --8<-- [end:server]


# --8<-- [start:clients]
async def member(name, host, port, script):
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(f"{name}\n".encode())

    async def listen():
        while line := await reader.readline():
            log(f"{name} sees {line.decode().strip()!r}")

    listening = asyncio.create_task(listen())
    for pause, text in script:  # say each text after a pause
        await asyncio.sleep(pause)
        writer.write(f"{text}\n".encode())
        await writer.drain()
    await asyncio.sleep(0.5)
    writer.close()  # leave the room
    await writer.wait_closed()
    await listening  # the stream has ended now that we closed


async def main():
    room = ChatRoom()
    handlers = []

    def client_connected(reader, writer):
        handlers.append(asyncio.create_task(room.serve(reader, writer)))

    server = await asyncio.start_server(client_connected, "127.0.0.1", 0)
    async with server:
        host, port = server.sockets[0].getsockname()
        async with asyncio.TaskGroup() as group:
            group.create_task(member("ann", host, port, [(1.5, "hi all")]))
            await asyncio.sleep(0.5)
            bob = [(2.0, "where is ann?")]
            group.create_task(member("bob", host, port, bob))
            await asyncio.sleep(0.5)
            group.create_task(member("cy", host, port, [(1.2, "hello")]))
        await asyncio.gather(*handlers)


# --8<-- [end:clients]


if __name__ == "__main__":
    asyncio.run(main())
