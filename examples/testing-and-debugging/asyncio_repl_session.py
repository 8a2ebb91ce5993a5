# /// script
# [tool.fieldguide]
# virtual-time = false  # it starts another Python, which runs in real time
# ///
"""Drive `python -m asyncio`, the REPL with top-level await, from a script."""

import re
import subprocess
import sys

# What you would type at the REPL's >>> prompt, one statement a line.
TYPED = """\
import asyncio
async def double(n): await asyncio.sleep(0.1); return 2 * n

await double(21)
await asyncio.gather(double(1), double(2))
task = asyncio.create_task(double(50))
await asyncio.sleep(0.2)
task.done(), task.result()
asyncio.get_running_loop().is_running()
"""

if __name__ == "__main__":
    session = subprocess.run(
        [sys.executable, "-m", "asyncio"],
        input=TYPED,
        capture_output=True,  # the banner goes to stderr
        text=True,
        check=True,
    )
    # Fed from a pipe, the REPL writes a prompt before it reads each line but
    # does not echo the line: print each typed line after its prompt, as a
    # terminal would show it, followed by what the REPL answered.
    parts = re.split(r"(>>> |\.\.\. )", session.stdout)
    prompts, answers = parts[1::2], parts[2::2]
    # The REPL's last prompt, at the end of the input, has no line after it.
    typed_lines = TYPED.splitlines()
    for prompt, answer, typed in zip(
        prompts, answers, typed_lines, strict=False
    ):
        if typed:  # the empty line only ends the definition before it
            print(prompt + typed)
        if answer:
            print(answer, end="")
