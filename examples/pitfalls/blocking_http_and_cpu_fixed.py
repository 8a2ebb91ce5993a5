# /// script
# [tool.fieldguide]
# virtual-time = false  # a real server in a thread, and real computing
# timeout = 20  # starting a worker process is slow on a busy machine
# coverage = false  # count_primes() runs in a child, which coverage misses
# ///
"""The blocking call goes to a thread, the computing to another process."""

import asyncio
import multiprocessing
import threading
import time
import urllib.request
from concurrent.futures import ProcessPoolExecutor
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
def fetch(url):
    with urllib.request.urlopen(url) as response:  # blocks its own thread
        return response.read().decode()


async def main():
    url = start_server()
    beats = []
    beating = asyncio.create_task(heartbeat(beats))
    await asyncio.sleep(0.2)

    before = len(beats)
    price = await asyncio.to_thread(fetch, url)  # the fix: a thread waits
    print(f"price {price}; heartbeat ran meanwhile: {len(beats) > before}")

    before = len(beats)
    # "spawn", not fork: forking a process that has threads is unsafe
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as pool:
        loop = asyncio.get_running_loop()  # the fix: another process computes
        primes = await loop.run_in_executor(pool, count_primes, 50_000)
    print(f"{primes} primes; heartbeat ran meanwhile: {len(beats) > before}")
    beating.cancel()


# --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
