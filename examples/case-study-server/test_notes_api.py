"""Tests of the notes application: a real server, a real client."""

import asyncio
import dataclasses
import logging
import sys

import aiohttp
import pytest
import pytest_asyncio
from aiohttp import web
from aiohttp.test_utils import make_mocked_request
from notes_app import (
    ROOM,
    STATS,
    STORE,
    ChatRoom,
    errors_as_json,
    make_app,
    post_digests,
)


# --8<-- [start:fixture]
@dataclasses.dataclass
class Running:
    app: web.Application
    url: str
    session: aiohttp.ClientSession


@pytest_asyncio.fixture
async def server(tmp_path):
    # A database file of the test's own, deleted by pytest afterwards.
    app = make_app(tmp_path / "notes.db")
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    try:
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        host, port = runner.addresses[0][:2]
        url = f"http://{host}:{port}"
        async with aiohttp.ClientSession(url) as session:
            yield Running(app, url, session)
    finally:
        await runner.cleanup()  # also after a failed test


# --8<-- [end:fixture]


# --8<-- [start:tests]
@pytest.mark.asyncio
async def test_add_then_read(server):
    note = {"author": "ann", "text": "hello"}
    async with server.session.post("/notes", json=note) as response:
        assert response.status == 201
        location = response.headers["Location"]
    async with server.session.get(location) as response:
        assert await response.json() == {"id": 1, **note}


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("note", "message"),
    [
        ({"author": "ann"}, "missing field: text"),
        ({"author": "ann", "text": ""}, "text must be 1 to 500 characters"),
        ({"author": 7, "text": "hi"}, "author must be a string"),
    ],
)
async def test_bad_note_is_refused(server, note, message):
    async with server.session.post("/notes", json=note) as response:
        assert response.status == 400
        assert await response.json() == {"error": message}
    assert await server.app[STORE].count() == 0


@pytest.mark.asyncio
async def test_deeply_nested_body_is_refused(server):
    body = b"[" * 16_000  # deeper than json.loads() can recurse
    headers = {"Content-Type": "application/json"}
    async with server.session.post("/notes", data=body, headers=headers) as r:
        assert r.status == 400
        assert await r.json() == {"error": "the body is nested too deeply"}


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "after", ["²", "9" * 19, "1" * 5000], ids=["superscript", "huge", "vast"]
)
async def test_bad_after_is_refused(server, after):
    # "²".isdigit() is True, but int("²") fails; 19 digits overflow
    # SQLite's integers; 5000 digits exceed Python's int() limit.
    async with server.session.get("/notes", params={"after": after}) as r:
        assert r.status == 400


@pytest.mark.asyncio
async def test_id_too_long_is_not_found(server):
    async with server.session.get("/notes/" + "9" * 19) as response:
        assert response.status == 404


@pytest.mark.asyncio
async def test_client_disconnects_mid_body(server):
    host, port = server.url.removeprefix("http://").split(":")
    _, writer = await asyncio.open_connection(host, int(port))
    body = b'{"author": "ann", "text": "a note cut short"}'
    # The headers promise the whole body; half of it comes, then the
    # client closes the connection.
    writer.write(
        b"POST /notes HTTP/1.1\r\nHost: test\r\n"
        b"Content-Type: application/json\r\n"
        b"Content-Length: %d\r\n\r\n" % len(body) + body[:20]
    )
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    stats = server.app[STATS]
    async with asyncio.timeout(5):
        # Poll: the server has no event to tell a test when it is done.
        while stats["abandoned"] == 0:  # noqa: ASYNC110
            await asyncio.sleep(0.01)
    assert await server.app[STORE].count() == 0  # nothing half-written


@pytest.mark.asyncio
async def test_chat_room(server):
    ann = await server.session.ws_connect("/chat?name=ann")
    assert await ann.receive_json() == {"from": "server", "text": "ann joined"}
    bob = await server.session.ws_connect("/chat?name=bob")
    for ws in (ann, bob):
        assert (await ws.receive_json())["text"] == "bob joined"
    await bob.send_str("hi ann")
    for ws in (ann, bob):
        assert await ws.receive_json() == {"from": "bob", "text": "hi ann"}
    await bob.close()
    assert (await ann.receive_json())["text"] == "bob left"
    await ann.close()


# --8<-- [end:tests]


# The defensive paths: not shown on the page, but every line is tested.
@pytest.mark.asyncio
async def test_chat_checks_names_and_messages(server):
    async with server.session.get("/chat?name=") as response:
        assert response.status == 400
    ann = await server.session.ws_connect("/chat?name=ann")
    await ann.receive_json()  # ann joined
    await ann.send_bytes(b"\x00")  # not text: ignored
    await ann.send_str("x" * 501)
    assert await ann.receive_json() == {"from": "server", "text": "too long"}
    await ann.close()


class GoneMember:
    """A member whose connection has failed, though nobody has noticed yet."""

    prepared, closed = True, False

    async def send_json(self, message):
        raise ConnectionResetError("gone")


class Joining:
    """A member whose WebSocket handshake is not finished."""

    prepared, closed = False, False


@pytest.mark.asyncio
async def test_a_dead_member_is_dropped_and_a_joining_one_skipped():
    room = ChatRoom()
    room.members = {"gone": GoneMember(), "joining": Joining()}
    await room.broadcast("server", "hello")
    assert list(room.members) == ["joining"]


class FailingStore:
    def __init__(self):
        self.rounds = 0

    async def count(self):
        self.rounds += 1
        raise OSError("disk full")


@pytest.mark.asyncio
async def test_a_failed_digest_round_does_not_end_the_task():
    log = logging.getLogger("notes")
    quiet = logging.NullHandler()  # the error is logged; keep it off stderr
    log.addHandler(quiet)
    app = {STORE: FailingStore(), ROOM: ChatRoom()}
    task = asyncio.create_task(post_digests(app, every=0.01))
    try:
        await asyncio.sleep(0.1)
        assert app[STORE].rounds >= 2  # it went on after the first failure
    finally:
        task.cancel()
        log.removeHandler(quiet)


@pytest.mark.asyncio
async def test_a_redirect_passes_through_the_error_middleware():
    request = make_mocked_request("GET", "/", app=make_app(":memory:"))

    async def handler(request):
        raise web.HTTPFound("/notes")

    with pytest.raises(web.HTTPFound):
        await errors_as_json(request, handler)


if __name__ == "__main__":
    # -p no:logging: the report shows the results, not the log lines.
    flags = ["-qq", "-rfEp", "-p", "no:cacheprovider", "-p", "no:logging"]
    sys.exit(pytest.main([__file__, *flags]))
