# /// script
# [tool.fieldguide]
# virtual-time = false  # a real child process takes real time
# ///
"""Give a child a time limit; when it runs out, kill the child and reap it."""

import asyncio
import signal
import sys

# --8<-- [start:core]
# A child that says hello and then hangs, as a stuck command might.
STUCK = """
import time
print("working on it...", flush=True)
time.sleep(60)
"""


async def main():
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", STUCK, stdout=asyncio.subprocess.PIPE
    )
    first = await process.stdout.readline()
    print(f"child says: {first.decode().strip()}")
    try:
        async with asyncio.timeout(1):
            await process.wait()
    except TimeoutError:
        print("no exit within 1 s: killing the child")
        process.kill()  # SIGKILL on Unix; it cannot be caught or ignored
        print(f"just after kill(): returncode is {process.returncode}")
        await process.wait()  # reap it: collect its exit status
    status = process.returncode
    print(f"after wait(): returncode is {status}")
    if status < 0:  # on Unix, minus the signal that ended the child
        print(f"the child was ended by {signal.Signals(-status).name}")


# --8<-- [end:core]


if __name__ == "__main__":
    asyncio.run(main())
