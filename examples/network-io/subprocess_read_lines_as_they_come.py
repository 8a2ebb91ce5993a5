# /// script
# [tool.fieldguide]
# virtual-time = false  # a real child process takes real time
# ///
"""Read a child process's output line by line, while it is still running."""

import asyncio
import sys
import time

# --8<-- [start:core]
# The child: another Python that works for a second, then reports, three
# times over. flush=True sends each line at once; output to a pipe is
# otherwise kept in a buffer until the end.
CHILD = """
import time
for step in range(1, 4):
    time.sleep(1)  # a second of work
    print(f"step {step} of 3 done", flush=True)
"""


async def main():
    process = await asyncio.create_subprocess_exec(
        sys.executable,  # this same Python; "python" may not be on PATH
        "-c",
        CHILD,
        stdout=asyncio.subprocess.PIPE,
    )
    print("started the child")

    lines = 0
    previous = None
    async for raw in process.stdout:  # one line at a time, as they come
        lines += 1
        now = time.monotonic()
        line = raw.decode().rstrip()
        if previous is None:
            print(f"got {line!r}")
        else:
            # Whole seconds: the exact gap depends on the machine's speed.
            gap = round(now - previous)
            print(f"got {line!r}, {gap} s after the line before")
        previous = now

    status = await process.wait()  # end of output is not end of process
    print(f"{lines} lines; the child exited with status {status}")


# --8<-- [end:core]


if __name__ == "__main__":
    asyncio.run(main())
