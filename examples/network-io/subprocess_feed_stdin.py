# /// script
# [tool.fieldguide]
# virtual-time = false  # a real child process takes real time
# ///
"""Send a child its input line by line, reading each answer as it comes."""

import asyncio
import sys

# --8<-- [start:by-hand]
# The child numbers and shouts every line it reads, until its input ends.
SHOUTER = """
import sys
for number, line in enumerate(sys.stdin, start=1):
    print(f"{number}: {line.strip().upper()}", flush=True)
print("input closed, bye")
"""


async def main():
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


if __name__ == "__main__":
    asyncio.run(main())
