# /// script
# [tool.fieldguide]
# virtual-time = false  # it starts other Python processes
# ///
"""Turn on debug mode from the command line, the environment or the code."""

import os
import subprocess
import sys

# A tiny asyncio program: it reports whether its loop is in debug mode, and
# whether Python's development mode (-X dev) is on.
PROGRAM = """
import asyncio, sys

async def main():
    loop = asyncio.get_running_loop()
    print(f"loop debug={loop.get_debug()}, dev mode={sys.flags.dev_mode}")

asyncio.run(main(), debug=DEBUG)
"""


def run(label, options=(), env=None, debug=None):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONASYNCIODEBUG", "PYTHONDEVMODE")
    }
    code = PROGRAM.replace("DEBUG", repr(debug))
    result = subprocess.run(
        [sys.executable, *options, "-c", code],
        env={**clean, **(env or {})},
        capture_output=True,
        text=True,
        check=True,
    )
    print(f"{label:<28} {result.stdout.strip()}")


if __name__ == "__main__":
    run("python")
    run("PYTHONASYNCIODEBUG=1 python", env={"PYTHONASYNCIODEBUG": "1"})
    run("python -X dev", options=["-X", "dev"])
    run("asyncio.run(debug=True)", debug=True)
    run("-X dev, run(debug=False)", options=["-X", "dev"], debug=False)
