# /// script
# [tool.fieldguide]
# virtual-time = false  # a real child process takes real time
# ///
"""Read a child process's output line by line, while it is still running."""

import asyncio
import sys

# The child: another Python that prints a line, then works for 0.8 s, three
# times over. flush=True matters: a program writing to a pipe buffers its
# output, and without it we would get all three lines at once, at the end.
CHILD = """
import time
for step in range(1, 4):
    print(f"step {step} of 3 done", flush=True)
    time.sleep(0.8)
"""


async def main():
    # --8<-- [start:core]
    process = await asyncio.create_subprocess_exec(
        sys.executable,  # this same Python; "python" may not be on PATH
        "-c",
        CHILD,
        stdout=asyncio.subprocess.PIPE,
    )
    print(f"started the child; returncode is {process.returncode}")

    lines = 0
    async for raw in process.stdout:  # one line at a time, as they come
        lines += 1
        print(f"got: {raw.decode().rstrip()}")
        if process.returncode is None:
            print("    (the child is still running)")

    status = await process.wait()  # end of output is not end of process
    print(f"{lines} lines; the child exited with status {status}")
    # --8<-- [end:core]


if __name__ == "__main__":
    asyncio.run(main())
