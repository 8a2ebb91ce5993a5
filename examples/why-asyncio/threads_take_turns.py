# /// script
# [tool.fieldguide]
# blocks-the-loop = true  # main() waits for the threads directly
# timeout = 30  # two busy threads can be slow on a busy machine
# ///
"""Two busy threads take turns although neither ever offers to pause."""

import asyncio
import itertools
import sys
import threading

log = []  # which thread was running, noted every 5,000 steps


def count(name, start_line):
    start_line.wait()  # both threads begin together
    total = 0
    for step in range(1_000_000):
        total += step
        if step % 5_000 == 0:
            log.append(name)


async def main():
    start_line = threading.Barrier(2)
    threads = [
        threading.Thread(target=count, args=[name, start_line])
        for name in "AB"
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()  # blocks main(), which is harmless: nothing else runs

    changes = sum(1 for a, b in itertools.pairwise(log) if a != b)
    print(f"switch interval: {sys.getswitchinterval()} seconds")
    print(f"checkpoints noted: {log.count('A')} by A, {log.count('B')} by B")
    # One change would mean A ran to the end, then B (or the reverse).
    print(f"the running thread changed more than once: {changes > 1}")


if __name__ == "__main__":
    asyncio.run(main())
