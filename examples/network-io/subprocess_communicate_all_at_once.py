# /// script
# [tool.fieldguide]
# virtual-time = false  # a real child process takes real time
# ///
"""communicate(): give a child all its input, get all its output, at once."""

import asyncio
import sys

# The child numbers and shouts every line it reads, until its input ends.
SHOUTER = """
import sys
for number, line in enumerate(sys.stdin, start=1):
    print(f"{number}: {line.strip().upper()}", flush=True)
print("input closed, bye")
"""


async def main():
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


if __name__ == "__main__":
    asyncio.run(main())
