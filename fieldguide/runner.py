"""Run one example program under the book's rules: ``python -m fieldguide.runner FILE``.

The example runs unmodified, as ``__main__``, exactly as a reader would run it,
with two additions:

* Sockets may only reach loopback. Connecting, binding or resolving anything
  else raises ``PermissionError``, so an example can never touch the internet.
* With ``FIELDGUIDE_VIRTUAL_TIME=1`` every event loop the program creates runs
  in virtual time (the ``looptime`` package): ``asyncio.sleep(5)`` returns at
  once while ``loop.time()`` advances by exactly 5 seconds. Output that prints
  loop-time differences is therefore the same here and in a real run.

The caller (:func:`fieldguide.examples.run_example`) adds ``-X dev -W error``
so that debug mode is on and any warning is an error.
"""

from __future__ import annotations

import asyncio
import errno
import importlib
import importlib.util
import ipaddress
import os
import runpy
import socket
import sys
import types

_LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def _is_loopback(host: object) -> bool:
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _refuse_outside_loopback(event: str, args: tuple) -> None:
    if event in {"socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"}:
        sock, address = args[0], args[1]
        if sock.family not in (socket.AF_INET, socket.AF_INET6):
            return  # Unix sockets and socket pairs stay on this machine
        if address is None:  # sendto/sendmsg on a connected socket
            return
        host = address[0]
    elif event in {
        "socket.getaddrinfo",
        "socket.gethostbyname",
        "socket.gethostbyaddr",
    }:
        host = args[0]
        if host is None and event == "socket.getaddrinfo":
            return  # a passive lookup; a non-loopback bind is refused later
    else:
        return
    if not _is_loopback(host):
        verb = event.removeprefix("socket.")
        # With an errno, so that asyncio's own error messages can quote it.
        raise PermissionError(
            errno.EACCES,
            f"the example harness refused {verb}({host!r}): examples may only "
            "use loopback addresses such as 127.0.0.1",
        )


def _import_looptime_patchers():
    """looptime's event-loop patcher, without the package's pytest plugin.

    ``import looptime`` also imports pytest (for its fixtures), which costs
    0.4 s in every example's interpreter. The patcher needs none of that, so
    register a bare ``looptime`` package and import only its submodule.
    """
    spec = importlib.util.find_spec("looptime")
    if spec is None:
        raise ImportError("the example harness needs looptime (see pyproject.toml)")
    package = types.ModuleType("looptime")
    package.__path__ = list(spec.submodule_search_locations)
    sys.modules.setdefault("looptime", package)
    return importlib.import_module("looptime._internal.patchers")


def _use_virtual_time() -> None:
    patchers = _import_looptime_patchers()
    original = asyncio.events.new_event_loop

    def new_event_loop() -> asyncio.AbstractEventLoop:
        return patchers.patch_event_loop(original())

    # asyncio.run() and asyncio.Runner look the function up in asyncio.events.
    asyncio.events.new_event_loop = new_event_loop
    asyncio.new_event_loop = new_event_loop


def main(argv: list[str]) -> None:
    if len(argv) != 1:
        sys.exit("usage: python -m fieldguide.runner EXAMPLE.py")
    path = argv[0]
    if os.environ.get("FIELDGUIDE_VIRTUAL_TIME") == "1":
        _use_virtual_time()
    sys.addaudithook(_refuse_outside_loopback)
    # Make the example's own folder importable, as it is for `python FILE`.
    sys.path[0] = os.path.dirname(os.path.abspath(path))
    sys.argv = [path]
    runpy.run_path(path, run_name="__main__")


if __name__ == "__main__":
    main(sys.argv[1:])
