# /// script
# [tool.fieldguide]
# blocks-the-loop = true  # main() waits for the threads directly
# timeout = 30  # busy threads can be slow on a busy machine
# ///
"""Two busy threads take turns because the interpreter makes them."""

import asyncio
import sys
import threading

log = []  # the name of the running thread, noted every 10,000 steps


def count(name):
    for step in range(2_000_000):
        if step % 10_000 == 0:
            log.append(name)


def run_a_and_b():
    """Run threads A and B; say whether B ran before A had finished."""
    log.clear()
    threads = [threading.Thread(target=count, args=[name]) for name in "AB"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()  # wait for the thread to finish
    return "A" in log[log.index("B") :]


async def main():
    for seconds in [0.005, 100]:
        sys.setswitchinterval(seconds)
        print(f"switch interval {seconds}s:", end=" ")
        print(f"B ran before A had finished: {run_a_and_b()}")


if __name__ == "__main__":
    asyncio.run(main())
