# /// script
# [tool.fieldguide]
# virtual-time = false  # a real child process takes real time
# ///
"""A shell command built from data runs whatever the data says (Unix shell)."""

import asyncio
import shlex
import sys

# --8<-- [start:core]
# A file name as it might arrive from a user, a form or a file listing. The
# part after the semicolon is harmless here, but it could be anything.
NAME = "notes.txt; echo this line was injected"


async def run_shell(command):
    process = await asyncio.create_subprocess_shell(
        command, stdout=asyncio.subprocess.PIPE
    )
    output, _ = await process.communicate()
    return output.decode().splitlines()


async def main():
    # Wrong: the shell parses the whole string, semicolon and all.
    print(await run_shell(f"echo {NAME}"))

    # Better: shlex.quote() makes the name one word for a POSIX shell.
    print(await run_shell(f"echo {shlex.quote(NAME)}"))

    # Best: no shell at all. Each argument, passed separately, reaches the
    # program exactly as written; on Unix nothing parses it.
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        "import sys; print(sys.argv[1])",
        NAME,
        stdout=asyncio.subprocess.PIPE,
    )
    output, _ = await process.communicate()
    print(output.decode().splitlines())


# --8<-- [end:core]


if __name__ == "__main__":
    asyncio.run(main())
