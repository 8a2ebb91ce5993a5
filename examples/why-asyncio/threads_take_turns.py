# /// script
# [tool.fieldguide]
# virtual-time = false  # it runs real threads
# ///
"""Two busy threads take turns because the interpreter makes them."""

import sys
import threading
import time

log = []  # the name of the running thread, noted every 1,000 steps


def compute(name, seconds=0.03):
    """Keep the processor busy: never sleep, never wait for anything."""
    stop = time.thread_time() + seconds  # CPU time this thread has used
    step = 0
    while time.thread_time() < stop:
        if step % 1_000 == 0:
            log.append(name)
        step += 1
    log.append(f"{name} finished")


def run_a_and_b():
    """Run threads A and B; say whether B ran before A had finished."""
    log.clear()
    threads = [threading.Thread(target=compute, args=[name]) for name in "AB"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()  # wait for the thread to finish
    return log.index("B") < log.index("A finished")


def main():
    for seconds in [0.005, 100]:
        sys.setswitchinterval(seconds)
        print(f"switch interval {seconds}s:", end=" ")
        print(f"B ran before A had finished: {run_a_and_b()}")


if __name__ == "__main__":
    main()
