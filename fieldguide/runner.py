"""Run one example program under the book's rules: ``python -m fieldguide.runner FILE``.

The example runs unmodified, as ``__main__``, exactly as a reader would run it,
with these additions:

* Sockets may only reach loopback. Connecting, binding or resolving anything
  else raises ``PermissionError``, so an example can never touch the internet.
* With ``FIELDGUIDE_VIRTUAL_TIME=1`` the program runs in virtual time (see
  :mod:`fieldguide.virtual_time`): ``asyncio.sleep(5)`` and ``time.sleep(5)``
  return at once while the clocks advance by exactly 5 seconds, so printed
  elapsed times are the same here and in a real run.
* With ``FIELDGUIDE_TIMELINE=PATH`` (and virtual time) every task's steps and
  waits are recorded (see :mod:`fieldguide.timeline`) and written to PATH as
  JSON when the example ends; the example's output does not change.
* With ``FIELDGUIDE_BLOCKS_THE_LOOP=1`` debug mode does not report slow
  callbacks, for examples that block the loop on purpose; in real time it
  reports only steps longer than 0.5 s (see ``REAL_TIME_SLOW_CALLBACK``).

The caller (:func:`fieldguide.examples.run_example`) adds ``-X dev -W error``
so that debug mode is on and any warning is an error.
"""

from __future__ import annotations

import asyncio
import errno
import ipaddress
import os
import runpy
import signal
import socket
import sys

from fieldguide import virtual_time

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


# Debug mode reports a step of the loop that takes longer than 0.1 s. In virtual
# time computing takes no time at all, so only a real block (a sleep in the
# loop) can trip it. A real-time example on a busy machine (the suite runs on
# every core) can be paused by the operating system for longer than that in an
# ordinary step, so for it the report needs a longer stall.
REAL_TIME_SLOW_CALLBACK = 0.5  # seconds


def _report_slow_callbacks_after(seconds: float) -> None:
    """Set debug mode's slow-callback threshold for every loop this run creates.

    ``float("inf")`` silences the report, for examples that block the event
    loop on purpose, to show the cost.
    """
    base = asyncio.base_events.BaseEventLoop
    original_init = base.__init__

    def __init__(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        self.slow_callback_duration = seconds

    base.__init__ = __init__


def main(argv: list[str]) -> None:
    if len(argv) != 1:
        sys.exit("usage: python -m fieldguide.runner EXAMPLE.py")
    path = argv[0]
    virtual = os.environ.get("FIELDGUIDE_VIRTUAL_TIME") == "1"
    clock = virtual_time.install() if virtual else None
    # `python -m fieldguide.timeline` asks for a recording of the example's
    # tasks; the recorder needs the virtual clock (its times are exact).
    timeline_path = os.environ.get("FIELDGUIDE_TIMELINE")
    recorder = None
    if timeline_path:
        if clock is None:
            sys.exit("FIELDGUIDE_TIMELINE needs FIELDGUIDE_VIRTUAL_TIME=1")
        from fieldguide.timeline import recorder as timeline_recorder

        recorder = timeline_recorder.install(clock)
    if os.environ.get("FIELDGUIDE_BLOCKS_THE_LOOP") == "1":
        _report_slow_callbacks_after(float("inf"))
    elif not virtual:
        _report_slow_callbacks_after(REAL_TIME_SLOW_CALLBACK)
    sys.addaudithook(_refuse_outside_loopback)
    # A process started in the background inherits Ctrl-C ignored, and then
    # asyncio.run() leaves it ignored; an example sees it as a terminal would.
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    # Make the example's own folder importable, as it is for `python FILE`.
    sys.path[0] = os.path.dirname(os.path.abspath(path))
    sys.argv = [path]
    runpy.run_path(path, run_name="__main__")
    if recorder is not None:  # only a run that ended normally is recorded
        recorder.write(timeline_path)


if __name__ == "__main__":
    main(sys.argv[1:])
