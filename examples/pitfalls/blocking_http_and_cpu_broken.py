# /// script
# [tool.fieldguide]
# virtual-time = false  # a real server in a thread, and real computing
# blocks-the-loop = true  # it blocks the event loop on purpose
# ///
"""A blocking HTTP call and a long computation both freeze the event loop."""

import asyncio
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class SlowHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        time.sleep(0.5)  # a slow service (its own thread: no loop waits)
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"42")

    def log_message(self, *args):  # no access log on standard error
        pass


def start_server():
    """Serve on 127.0.0.1 from a daemon thread; return the URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), SlowHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}/price"


def count_primes(limit):
    """Pure-Python computing: it holds the thread until it is done."""
    return sum(
        all(n % d for d in range(2, int(n**0.5) + 1)) for n in range(2, limit)
    )


async def heartbeat(beats):
    while True:
        await asyncio.sleep(0.05)
        beats.append(time.monotonic())


# --8<-- [start:main]
async def main():
    url = start_server()
    beats = []
    beating = asyncio.create_task(heartbeat(beats))
    await asyncio.sleep(0.2)

    before = len(beats)
    with urllib.request.urlopen(url) as response:  # noqa: ASYNC210 (the bug)
        price = response.read().decode()
    print(f"price {price}; heartbeat ran meanwhile: {len(beats) > before}")

    before = len(beats)
    primes = count_primes(50_000)  # the bug: computing in a coroutine
    print(f"{primes} primes; heartbeat ran meanwhile: {len(beats) > before}")
    beating.cancel()


# --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
