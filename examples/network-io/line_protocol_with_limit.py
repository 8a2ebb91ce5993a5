"""A line-based protocol with a length limit and clear errors."""

import asyncio
import contextlib
import logging
import socket
import struct
import sys

MAX_LINE = 64  # bytes, newline included

# Log to standard output. The root logger stays at WARNING, so asyncio's
# own debug-mode messages stay out; this server logs from INFO up.
logging.basicConfig(stream=sys.stdout, format="%(levelname)s %(message)s")
log = logging.getLogger("server")
log.setLevel(logging.INFO)


def answer(line):
    """The reply to one request line (without its newline)."""
    command, _, argument = line.partition(" ")
    if command == "ADD":
        try:
            numbers = [int(word) for word in argument.split()]
        except ValueError:
            return "ERR ADD takes whole numbers"
        return f"OK {sum(numbers)}"
    if command == "UPPER":
        return f"OK {argument.upper()}"
    return f"ERR unknown command {command[:20]!r}"


async def handle_client(reader, writer):
    name = None  # the first line says who the client is
    try:
        while True:
            try:
                raw = await reader.readuntil(b"\n")
            except asyncio.IncompleteReadError as error:
                if error.partial:  # the client closed in the middle of a line
                    log.warning("%s: unfinished line dropped", name)
                break
            except asyncio.LimitOverrunError:
                log.warning("%s: line over %d bytes, closing", name, MAX_LINE)
                writer.write(
                    f"ERR line longer than {MAX_LINE} bytes\n".encode()
                )
                break  # there is no telling where the next request starts
            except ConnectionResetError:  # the client vanished abruptly
                log.warning("%s: connection reset", name)
                break
            try:
                line = raw.decode().rstrip("\r\n")
            except UnicodeDecodeError:
                reply = "ERR requests must be UTF-8 text"
            else:
                if name is None:
                    name = line
                    log.info("%s: connected", name)
                    continue
                reply = answer(line)
            if reply.startswith("ERR"):
                log.warning("%s: %r -> %s", name, raw, reply)
            writer.write(f"{reply}\n".encode())
            await writer.drain()
    finally:  # however the connection ends, close it
        log.info("%s: done", name)
        writer.close()
        with contextlib.suppress(ConnectionResetError):  # nobody to tell
            await writer.wait_closed()


async def client(name, host, port, delay, requests, reset=False):
    await asyncio.sleep(delay)  # start at different moments
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(f"{name}\n".encode())  # say who we are first
    for request in requests:
        writer.write(request + b"\n")
        await writer.drain()
        reply = await reader.readline()
        print(f"{name}: {request[:20]!r} -> {reply.decode().strip()!r}")
        if not reply or reply.startswith(b"ERR line"):
            break  # the server has hung up
        await asyncio.sleep(1)
    if reset:  # leave with a reset, as a client that crashes can
        linger = struct.pack("ii", 1, 0)  # see "Timeouts, resets and refusals"
        sock = writer.get_extra_info("socket")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
    writer.close()
    await writer.wait_closed()


async def hang_up_mid_line(name, host, port, delay):
    await asyncio.sleep(delay)
    _, writer = await asyncio.open_connection(host, port)
    writer.write(f"{name}\nADD 1".encode())  # no newline after the request
    writer.close()  # ... and there never will be: the client goes away
    await writer.wait_closed()
    print(f"{name}: hung up in the middle of a request")


async def main():
    handlers = []

    def client_connected(reader, writer):
        handlers.append(asyncio.create_task(handle_client(reader, writer)))

    server = await asyncio.start_server(
        client_connected, "127.0.0.1", 0, limit=MAX_LINE
    )
    async with server:
        host, port = server.sockets[0].getsockname()
        good = [b"ADD 2 3", b"UPPER quiet please"]
        bad = [b"ADD two 3", b"MUL 2 3", b"\xff\xfe", b"UPPER " + b"a" * 99]
        async with asyncio.TaskGroup() as group:
            group.create_task(client("ann", host, port, 0.0, good))
            group.create_task(client("bad", host, port, 0.2, bad))
            group.create_task(client("cy", host, port, 0.5, good))
            group.create_task(hang_up_mid_line("dot", host, port, 2.7))
            group.create_task(client("eve", host, port, 0.8, good[:1], True))
        await asyncio.gather(*handlers)


if __name__ == "__main__":
    asyncio.run(main())
