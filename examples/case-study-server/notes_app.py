"""A notes API with a chat room: aiohttp.web in front, SQLite behind.

The chapter's examples import it. Run on its own, it starts the
application on a free port, adds a note, lists the notes and stops.
"""

import asyncio
import collections
import concurrent.futures
import contextlib
import json
import logging
import re
import sqlite3
import sys

import aiohttp
from aiohttp import web

log = logging.getLogger("notes")


# --8<-- [start:store]
class NoteStore:
    """Notes in SQLite, on one thread that owns the only connection."""

    def __init__(self, path):
        self.path = path
        # One worker thread runs every query, one at a time. The
        # connection is made on that thread and used only there, so
        # sqlite3's check_same_thread guard can stay on.
        self._thread = concurrent.futures.ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="notes-db"
        )
        self._db = None

    async def _call(self, function, *args):
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._thread, function, *args)

    async def open(self):
        await self._call(self._open)

    async def close(self):
        await self._call(self._db.close)
        # The thread is idle now; wait=False keeps the loop from joining it.
        self._thread.shutdown(wait=False)

    async def add(self, author, text):
        return await self._call(self._add, author, text)

    async def add_many(self, notes):
        await self._call(self._add_many, notes)

    async def get(self, note_id):
        return await self._call(self._get, note_id)

    async def page(self, after=0, size=100):
        """Up to `size` notes whose id is greater than `after`."""
        return await self._call(self._page, after, size)

    async def count(self):
        return await self._call(self._count)

    # What follows runs on the store's thread, never on the event loop.
    def _open(self):
        self._db = sqlite3.connect(self.path)
        self._db.row_factory = sqlite3.Row
        with self._db:
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS notes ("
                " id INTEGER PRIMARY KEY,"
                " author TEXT NOT NULL,"
                " text TEXT NOT NULL)"
            )

    def _add(self, author, text):
        with self._db:  # one transaction: committed whole, or not at all
            cursor = self._db.execute(
                "INSERT INTO notes (author, text) VALUES (?, ?)",
                (author, text),
            )
        return {"id": cursor.lastrowid, "author": author, "text": text}

    def _add_many(self, notes):
        with self._db:
            self._db.executemany(
                "INSERT INTO notes (author, text) VALUES (?, ?)", notes
            )

    def _get(self, note_id):
        row = self._db.execute(
            "SELECT * FROM notes WHERE id = ?", (note_id,)
        ).fetchone()
        return row and dict(row)

    def _page(self, after, size):
        rows = self._db.execute(
            "SELECT * FROM notes WHERE id > ? ORDER BY id LIMIT ?",
            (after, size),
        )
        return [dict(row) for row in rows]

    def _count(self):
        return self._db.execute("SELECT count(*) FROM notes").fetchone()[0]


# --8<-- [end:store]


# --8<-- [start:validate]
FIELDS = {"author": 40, "text": 500}  # each field's longest length


def bad_request(message):
    return web.HTTPBadRequest(text=message)


def parse_note(body):
    """The author and text in a request body, or HTTPBadRequest."""
    try:
        data = json.loads(body)
    except ValueError:  # not JSON, or not UTF-8
        raise bad_request("the body is not valid JSON") from None
    except RecursionError:  # [[[[...: nested deeper than Python recurses
        raise bad_request("the body is nested too deeply") from None
    if not isinstance(data, dict):
        raise bad_request("the body must be a JSON object")
    unknown = sorted(data.keys() - FIELDS.keys())
    if unknown:
        raise bad_request(f"unknown field: {unknown[0]}")
    note = {}
    for name, longest in FIELDS.items():
        if name not in data:
            raise bad_request(f"missing field: {name}")
        value = data[name]
        if not isinstance(value, str):
            raise bad_request(f"{name} must be a string")
        value = value.strip()
        if not 1 <= len(value) <= longest:
            raise bad_request(f"{name} must be 1 to {longest} characters")
        note[name] = value
    return note


# --8<-- [end:validate]


# --8<-- [start:handlers]
STORE = web.AppKey("store", NoteStore)
STATS = web.AppKey("stats", collections.Counter)
routes = web.RouteTableDef()
# An id has 1 to 18 digits, so it always fits SQLite's 64-bit integers.
NOTE_ID = "[0-9]{1,18}"
BODY_DEADLINE = 10.0  # seconds a client may take to send its body


@routes.post("/notes")
async def create_note(request):
    if request.content_type != "application/json":
        raise web.HTTPUnsupportedMediaType(text="send the note as JSON")
    try:
        # A deadline, or a client sending one byte a minute would keep
        # its place in limit_requests (below) for as long as it liked.
        async with asyncio.timeout(BODY_DEADLINE):
            body = await request.read()
    except TimeoutError:
        raise web.HTTPRequestTimeout(text="the body came too slowly") from None
    # The whole body is read and checked before anything is stored.
    note = parse_note(body)
    saved = await request.app[STORE].add(note["author"], note["text"])
    location = f"/notes/{saved['id']}"
    return web.json_response(saved, status=201, headers={"Location": location})


@routes.get("/notes")
async def list_notes(request):
    after = request.query.get("after", "0")
    if not re.fullmatch(NOTE_ID, after):
        raise bad_request("after must be a note id (1 to 18 digits)")
    notes = await request.app[STORE].page(int(after))
    return web.json_response(notes)


@routes.get("/notes/{id:[0-9]{1,18}}")  # the same pattern as NOTE_ID
async def get_note(request):
    note_id = int(request.match_info["id"])
    note = await request.app[STORE].get(note_id)
    if note is None:
        raise web.HTTPNotFound(text=f"there is no note {note_id}")
    return web.json_response(note)


# --8<-- [end:handlers]


# --8<-- [start:export]
@routes.get("/export")
async def export_notes(request):
    """Every note, one JSON object a line, sent as it is read."""
    store = request.app[STORE]
    response = web.StreamResponse(
        headers={"Content-Type": "application/x-ndjson"}
    )
    await response.prepare(request)  # sends the status and headers
    after = 0
    while notes := await store.page(after, size=500):
        lines = "".join(json.dumps(note) + "\n" for note in notes)
        # write() waits while the client is behind (back-pressure).
        await response.write(lines.encode())
        request.app[STATS]["export chunks"] += 1
        after = notes[-1]["id"]
    await response.write_eof()
    return response


# --8<-- [end:export]


# --8<-- [start:chat]
class ChatRoom:
    """Who is connected, by name, and a way to tell them all."""

    def __init__(self):
        self.members = {}  # name -> WebSocketResponse

    def leave(self, name, ws):
        if self.members.get(name) is ws:  # not a newcomer of that name
            del self.members[name]

    async def broadcast(self, sender, text):
        """Send to each member; one whose connection fails is dropped."""
        message = {"from": sender, "text": text}
        for name, ws in list(self.members.items()):
            if not ws.prepared or ws.closed:
                continue
            try:
                await ws.send_json(message)
            except ConnectionResetError:
                # Gone, though its handler has not noticed yet. One dead
                # member must not cost the others the message.
                self.leave(name, ws)


ROOM = web.AppKey("room", ChatRoom)
CHAT_TEXT = 500  # the longest chat message, in characters


@routes.get("/chat")
async def chat(request):
    room = request.app[ROOM]
    name = request.query.get("name", "").strip()
    # Refuse before the upgrade, while a plain HTTP answer is possible.
    if not 1 <= len(name) <= 20:
        raise bad_request("name must be 1 to 20 characters")
    if name in room.members:
        raise web.HTTPConflict(text=f"{name} is already here")
    ws = web.WebSocketResponse(
        max_msg_size=64 * 1024,  # a larger message closes the connection
        heartbeat=30,  # ping every 30 s; no pong in time closes it
    )
    room.members[name] = ws  # taken from here, before any await
    try:
        await ws.prepare(request)  # the 101 answer: from here, WebSocket
        await room.broadcast("server", f"{name} joined")
        async for message in ws:  # ends when the connection closes
            if message.type != aiohttp.WSMsgType.TEXT:
                continue
            if len(message.data) > CHAT_TEXT:
                await ws.send_json({"from": "server", "text": "too long"})
            else:
                await room.broadcast(name, message.data)
    finally:
        room.leave(name, ws)
        await room.broadcast("server", f"{name} left")
    return ws


async def close_chat(app):
    """on_shutdown: say goodbye to every chat connection."""
    members = app[ROOM].members
    log.info("shutdown: closing %d chat connection(s)", len(members))
    for ws in list(members.values()):
        await ws.close(
            code=aiohttp.WSCloseCode.GOING_AWAY, message=b"server shutdown"
        )


# --8<-- [end:chat]


# --8<-- [start:lifetime]
def store_lifetime(path):
    async def lifetime(app):
        app[STORE] = NoteStore(path)
        await app[STORE].open()
        log.info("store: open")
        yield  # the application serves requests here
        await app[STORE].close()
        log.info("store: closed")

    return lifetime


def digest_lifetime(every):
    async def lifetime(app):
        task = asyncio.create_task(post_digests(app, every))
        log.info("digest: started")
        yield
        # web.run_app() runs cleanup in a task it has already cancelled,
        # so count only the cancellations that arrive from here on.
        before = asyncio.current_task().cancelling()
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            # The task's own cancellation is expected; a new cancellation
            # of this cleanup itself is not ours to swallow.
            if asyncio.current_task().cancelling() > before:
                raise
        log.info("digest: stopped")

    return lifetime


async def post_digests(app, every):
    """Tell the chat room how many notes there are, when that changes."""
    last = None
    while True:
        await asyncio.sleep(every)
        try:
            count = await app[STORE].count()
            if count != last:
                log.info("digest: %d notes", count)
                await app[ROOM].broadcast("server", f"{count} notes so far")
                last = count
        except Exception as error:  # one bad round must not end the task
            log.error("digest failed: %r", error)


# --8<-- [end:lifetime]


# --8<-- [start:middleware]
@web.middleware
async def timing(request, handler):
    """Say how long the handler took, in a Server-Timing header."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    response = await handler(request)
    milliseconds = (loop.time() - start) * 1000
    if not response.prepared:  # a stream's headers have already gone
        response.headers["Server-Timing"] = f"app;dur={milliseconds:.1f}"
    return response


def json_error(status, message, headers=None):
    return web.json_response(
        {"error": message}, status=status, headers=headers
    )


@web.middleware
async def errors_as_json(request, handler):
    """Every error becomes JSON; unexpected ones say nothing inside."""
    stats = request.app[STATS]
    try:
        return await handler(request)
    except web.HTTPException as error:
        if error.status < 400:  # a redirect, say: not an error
            raise
        # Keep headers such as Allow and Retry-After; drop the text ones.
        headers = {
            name: value
            for name, value in error.headers.items()
            if name not in ("Content-Type", "Content-Length")
        }
        return json_error(error.status, error.text, headers)
    except ConnectionResetError:
        # The client has gone: there is nobody to answer. Returning
        # (not raising) keeps aiohttp from logging it as a server error.
        stats["abandoned"] += 1
        log.info("%s %s: the client went away", request.method, request.path)
        return web.Response(status=499)  # never sent; for the access log
    except Exception as error:
        stats["incidents"] += 1
        incident = stats["incidents"]
        # The log gets the details (a real service would add the whole
        # traceback with exc_info=True); the client gets a number.
        log.error("incident %d: %r", incident, error)
        return json_error(500, f"internal error (incident {incident})")


def limit_requests(most):
    """A middleware that answers 503 when `most` requests are running."""
    running = asyncio.Semaphore(most)

    @web.middleware
    async def limit(request, handler):
        if request.path == "/chat":  # a chat stays open; count requests
            return await handler(request)
        if running.locked():
            raise web.HTTPServiceUnavailable(
                text="too busy, try again shortly",
                headers={"Retry-After": "1"},
            )
        async with running:
            return await handler(request)

    return limit


# --8<-- [end:middleware]


# --8<-- [start:make_app]
def make_app(db_path, *, max_body=16 * 1024, most=100, digest_every=60.0):
    """The application: notes, export and chat, with its limits."""
    app = web.Application(
        # Outermost first: timing sees every answer, errors included.
        middlewares=[timing, errors_as_json, limit_requests(most)],
        client_max_size=max_body,  # a larger body gets 413
    )
    app[ROOM] = ChatRoom()
    app[STATS] = collections.Counter()
    app.add_routes(routes)
    # Started in this order, stopped in the reverse order.
    app.cleanup_ctx.append(store_lifetime(db_path))
    app.cleanup_ctx.append(digest_lifetime(digest_every))
    app.on_shutdown.append(close_chat)
    return app


@contextlib.asynccontextmanager
async def serving(app, shutdown_timeout=10.0):
    """Serve `app` on 127.0.0.1, on a free port; yield its URL."""
    runner = web.AppRunner(
        app, access_log=None, shutdown_timeout=shutdown_timeout
    )
    await runner.setup()  # runs the start of each cleanup_ctx
    try:
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        host, port = runner.addresses[0][:2]
        yield f"http://{host}:{port}"
    finally:
        await runner.cleanup()  # graceful: see "Shutting down"


def show_log():
    """Print the application's log lines, such as "store: open"."""
    handler = logging.StreamHandler(sys.stdout)  # not stderr: the output
    handler.setFormatter(logging.Formatter("  log: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


async def main():
    show_log()
    async with (
        serving(make_app(":memory:")) as url,
        aiohttp.ClientSession(url) as session,
    ):
        note = {"author": "ann", "text": "Buy milk"}
        async with session.post("/notes", json=note) as response:
            print(response.status, response.headers["Location"])
            print(await response.json())
        async with session.get("/notes") as response:
            print(response.status, await response.json())


# --8<-- [end:make_app]


# --8<-- [start:serve]
def serve(port=8080):
    """Serve the notes for real until Ctrl-C, with the log on stderr."""
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    web.run_app(make_app("notes.db"), host="127.0.0.1", port=port)


# --8<-- [end:serve]


if __name__ == "__main__":
    if "--serve" in sys.argv:
        serve()
    else:
        asyncio.run(main())
