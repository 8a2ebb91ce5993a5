# /// script
# [tool.fieldguide]
# virtual-time = false  # it times real thread and process start-ups
# ///
"""Starting a process costs far more than starting a thread."""

import multiprocessing
import threading
import time


def do_nothing():
    pass


def time_start(make_worker):
    """Seconds taken to start one worker and wait for it to finish."""
    started = time.perf_counter()
    worker = make_worker(target=do_nothing)
    worker.start()
    worker.join()
    return time.perf_counter() - started


def main():
    # A thread is so quick that a moment's pause elsewhere on the machine
    # could hide it, so take the fastest of five tries.
    thread = min(time_start(threading.Thread) for _ in range(5))
    spawn = multiprocessing.get_context("spawn")
    process = time_start(spawn.Process)
    print("started a thread five times, then a process once")
    # The real ratio depends on the machine and its load: usually far more.
    print(f"the process took over 10 times as long: {process > 10 * thread}")


if __name__ == "__main__":
    main()
