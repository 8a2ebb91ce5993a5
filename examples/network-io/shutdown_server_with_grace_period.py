# /// script
# [tool.fieldguide]
# exit-status = 1  # the grace period ran out and one job was cut short
# ///
"""On SIGTERM a server stops accepting, lets jobs finish, cancels the rest."""

import asyncio
import os
import signal
import sys
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
GRACE = 3  # seconds that jobs in flight get to finish after SIGTERM


async def handle(reader, writer):
    name, seconds = (await reader.readline()).decode().split()
    log(f"server: {name} started")
    try:
        await asyncio.sleep(float(seconds))  # the job itself
        writer.write(b"done\n")
        await writer.drain()
        log(f"server: {name} finished")
    except asyncio.CancelledError:
        log(f"server: {name} cancelled")
        raise
    finally:
        writer.close()
        await writer.wait_closed()


async def client(name, seconds, port, delay=0):
    await asyncio.sleep(delay)
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError:
        log(f"client {name}: connection refused")
        return
    writer.write(f"{name} {seconds}\n".encode())
    answer = (await reader.readline()).decode().strip()
    log(f"client {name}: {answer or 'connection closed, no answer'}")
    writer.close()
    await writer.wait_closed()


async def main():
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)

    in_flight = set()  # the server's handler tasks, so we can wait for them

    def connected(reader, writer):
        task = asyncio.create_task(handle(reader, writer))
        in_flight.add(task)
        task.add_done_callback(in_flight.discard)

    server = await asyncio.start_server(connected, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    clients = [
        asyncio.create_task(client("short", 1, port)),
        asyncio.create_task(client("medium", 4, port)),
        asyncio.create_task(client("long", 9, port)),
        asyncio.create_task(client("late", 1, port, delay=3)),
    ]
    loop.call_later(2, os.kill, os.getpid(), signal.SIGTERM)

    await stop.wait()
    log(f"SIGTERM: no new connections; {len(in_flight)} jobs get {GRACE} s")
    server.close()  # stop accepting; open connections carry on
    pending = set()
    if in_flight:
        _, pending = await asyncio.wait(set(in_flight), timeout=GRACE)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    await server.wait_closed()
    await asyncio.gather(*clients)
    status = 1 if pending else 0  # 1: some work was cut short
    log(f"exit status {status}")
    return status


# --8<-- [end:after-log]


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
