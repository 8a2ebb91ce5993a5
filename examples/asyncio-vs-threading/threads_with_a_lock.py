# /// script
# [tool.fieldguide]
# virtual-time = false  # the threads really sleep
# ///
"""A threading.Lock around the read and the write keeps every update."""

import threading
import time

THREADS = 4
PAUSE = 0.02  # a sleep between read and write: a switch there is certain
counter = 0
lock = threading.Lock()


def add_one():
    global counter
    with lock:  # one thread at a time from here...
        value = counter
        time.sleep(PAUSE)  # other threads run, but wait at the lock
        counter = value + 1
    # ...to here


def main():
    start = time.perf_counter()
    threads = [threading.Thread(target=add_one) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    print(f"counter = {counter}: {THREADS - counter} updates lost")
    print(f"the updates took turns: {elapsed >= THREADS * PAUSE}")


if __name__ == "__main__":
    main()
