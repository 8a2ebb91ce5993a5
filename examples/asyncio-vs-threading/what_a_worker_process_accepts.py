# /// script
# [tool.fieldguide]
# virtual-time = false  # a worker process does the work
# timeout = 20  # starting processes is slow on a busy machine
# coverage = false  # its workers are child processes, which coverage misses
# ///
"""What can be sent to a worker process: only what pickle can copy."""

import asyncio
import multiprocessing
import pickle
import threading
from concurrent.futures import ProcessPoolExecutor


def double(value):  # module level: a worker process can import it by name
    return value * 2


async def try_in_worker(pool, label, function, argument):
    loop = asyncio.get_running_loop()
    try:
        result = await loop.run_in_executor(pool, function, argument)
    except (AttributeError, TypeError, pickle.PicklingError):
        print(f"{label}: refused, it cannot be pickled")
    else:
        print(f"{label}: returned {result!r}")


async def main(pool):
    await try_in_worker(pool, "double(21)", double, 21)
    await try_in_worker(pool, "double(['a', 'b'])", double, ["a", "b"])
    await try_in_worker(pool, "a lambda", lambda value: value * 2, 21)
    await try_in_worker(pool, "double(a lock)", double, threading.Lock())


if __name__ == "__main__":  # without this guard, each worker would run it too
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as pool:
        pool.submit(abs, 0).result()  # start the worker before the loop runs
        asyncio.run(main(pool))
