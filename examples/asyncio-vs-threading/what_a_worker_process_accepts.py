# /// script
# [tool.fieldguide]
# virtual-time = false  # a worker process does the work
# coverage = false  # its workers are child processes, which coverage misses
# ///
"""What can be sent to a worker process: only what pickle can copy."""

import multiprocessing
import pickle
import threading
from concurrent.futures import ProcessPoolExecutor


def double(value):  # module level: a worker process can import it by name
    return value * 2


def try_in_worker(pool, label, function, argument):
    try:
        result = pool.submit(function, argument).result()
    except (AttributeError, TypeError, pickle.PicklingError):
        print(f"{label}: refused, it cannot be pickled")
    else:
        print(f"{label}: returned {result!r}")


def main():
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as pool:
        try_in_worker(pool, "double(21)", double, 21)
        try_in_worker(pool, "double(['a', 'b'])", double, ["a", "b"])
        try_in_worker(pool, "a lambda", lambda value: value * 2, 21)
        try_in_worker(pool, "double(a lock)", double, threading.Lock())


if __name__ == "__main__":  # without this guard, each worker would run it too
    main()
