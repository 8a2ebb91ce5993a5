# /// script
# [tool.fieldguide]
# virtual-time = false  # real child processes take real time
# ///
"""Exercise solution: ask a child to stop with SIGTERM, then kill it."""

import asyncio
import signal
import sys

# --8<-- [start:core]
# Both children say "ready" once their signal set-up is done, so that the
# parent never signals a child that has not got that far.
QUITS = """
import time
print("ready", flush=True)
time.sleep(60)
"""
# The second child ignores SIGTERM, as a stuck or careless program might.
IGNORES = """
import signal, time
signal.signal(signal.SIGTERM, signal.SIG_IGN)
print("ready", flush=True)
time.sleep(60)
"""


async def stop(process, grace):
    """Ask the process to exit; kill it if it is still there after grace s."""
    process.terminate()  # SIGTERM on Unix: the child may clean up first
    try:
        async with asyncio.timeout(grace):
            return await process.wait()
    except TimeoutError:
        process.kill()  # SIGKILL: cannot be caught or ignored
        return await process.wait()  # reap it in every case


async def start_and_stop(code):
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", code, stdout=asyncio.subprocess.PIPE
    )
    await process.stdout.readline()  # "ready"
    return await stop(process, grace=1)


async def main():
    async with asyncio.TaskGroup() as group:
        quits = group.create_task(start_and_stop(QUITS))
        ignores = group.create_task(start_and_stop(IGNORES))
    for name, task in [("quits", quits), ("ignores", ignores)]:
        status = task.result()
        ended_by = signal.Signals(-status).name if status < 0 else "itself"
        print(f"{name}: returncode {status}, ended by {ended_by}")


# --8<-- [end:core]


if __name__ == "__main__":
    asyncio.run(main())
