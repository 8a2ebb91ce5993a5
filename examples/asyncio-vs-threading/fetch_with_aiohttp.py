# /// script
# [tool.fieldguide]
# virtual-time = false  # real requests to a real (local) server
# ///
"""The I/O-bound job in one thread: asyncio tasks and an aiohttp session."""

import asyncio
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import aiohttp

DELAY = 0.06  # seconds the server waits before it answers a request
PAGES = 10
LIMIT = 5  # connections, so at most 5 requests at once


class SlowHandler(BaseHTTPRequestHandler):
    """Answers every GET after DELAY; counts requests in flight at once."""

    lock = threading.Lock()
    in_flight = peak = 0

    def do_GET(self):
        with self.lock:  # handlers run in many threads: see "Race conditions"
            SlowHandler.in_flight += 1
            SlowHandler.peak = max(SlowHandler.peak, SlowHandler.in_flight)
        time.sleep(DELAY)
        with self.lock:
            SlowHandler.in_flight -= 1
        body = f"this is {self.path}".encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # no access log on standard error
        pass


def start_server():
    """Serve on 127.0.0.1 from a daemon thread; return the base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), SlowHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}"


# --8<-- [start:client]
async def fetch(session, url):
    async with session.get(url) as response:  # awaits: the loop runs others
        await response.read()
        return response.status


async def main():
    base = start_server()
    urls = [f"{base}/page/{n}" for n in range(PAGES)]
    start = time.perf_counter()
    connector = aiohttp.TCPConnector(limit=LIMIT)
    async with aiohttp.ClientSession(connector=connector) as session:
        statuses = await asyncio.gather(*(fetch(session, u) for u in urls))
    elapsed = time.perf_counter() - start
    print(f"{len(statuses)} pages, all OK: {statuses == [200] * PAGES}")
    overlap = 1 < SlowHandler.peak <= LIMIT
    print(f"overlapping, but never more than {LIMIT} at once: {overlap}")
    print(f"faster than one after another: {elapsed < PAGES * DELAY}")


# --8<-- [end:client]

if __name__ == "__main__":
    asyncio.run(main())
