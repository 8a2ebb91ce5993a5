# /// script
# [tool.fieldguide]
# virtual-time = false  # a real child process takes real time
# ///
"""Send data to a child's standard input: by hand, and with communicate()."""

import asyncio
import sys

# The child reads lines until its input ends, and answers each one.
SHOUTER = """
import sys
for number, line in enumerate(sys.stdin, start=1):
    print(f"{number}: {line.strip().upper()}", flush=True)
print("input closed, bye")
"""


async def by_hand():
    # --8<-- [start:by-hand]
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        SHOUTER,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
    )
    for word in ["tea", "toast"]:
        process.stdin.write(f"{word}\n".encode())
        await process.stdin.drain()  # wait if the pipe is full
        answer = await process.stdout.readline()
        print(f"sent {word!r}, got {answer.decode().strip()!r}")
    process.stdin.close()  # the child sees the end of its input
    await process.stdin.wait_closed()
    rest = await process.stdout.read()  # everything up to end of output
    print(f"after closing: {rest.decode().strip()!r}")
    print(f"exit status {await process.wait()}")
    # --8<-- [end:by-hand]


async def with_communicate():
    # --8<-- [start:communicate]
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        SHOUTER,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
    )
    # Writes all the input, closes stdin, reads all the output and waits
    # for the exit, all at once, so a full pipe can never block it.
    output, _ = await process.communicate(input=b"jam\nhoney\n")
    print(output.decode(), end="")
    print(f"exit status {process.returncode}")
    # --8<-- [end:communicate]


async def main():
    await by_hand()
    print("---")
    await with_communicate()


if __name__ == "__main__":
    asyncio.run(main())
