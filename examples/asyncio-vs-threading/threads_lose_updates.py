"""Threads lose updates to a shared counter when a switch comes mid-update."""

import threading

THREADS = 4
counter = 0
barrier = threading.Barrier(THREADS)


def add_one():
    global counter
    value = counter  # 1. read the shared value
    # Every thread waits here until all have read: the worst moment for a
    # thread switch, made to happen every time.
    barrier.wait()
    counter = value + 1  # 2. write back what this thread read, plus one


def main():
    threads = [threading.Thread(target=add_one) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"{THREADS} threads each added 1 to a counter that started at 0")
    print(f"counter = {counter}: {THREADS - counter} updates were lost")


if __name__ == "__main__":
    main()
