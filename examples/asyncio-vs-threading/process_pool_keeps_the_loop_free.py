# /// script
# [tool.fieldguide]
# virtual-time = false  # worker processes compute in real time
# timeout = 20  # starting processes is slow on a busy machine
# coverage = false  # its workers are child processes, which coverage misses
# ///
"""CPU-bound work in a process pool: computed elsewhere, the loop kept free."""

import asyncio
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

COUNT = 2_000_000


def count_down(n):
    """Pure-Python computing, as in threads_do_not_speed_up_computing.py."""
    while n > 0:
        n -= 1
    return os.getpid()  # which process did the work


async def heartbeat(stop):
    beats = 0
    while not stop.is_set():
        await asyncio.sleep(0.01)
        beats += 1
    return beats


async def main(pool):
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    beating = asyncio.create_task(heartbeat(stop))
    jobs = [loop.run_in_executor(pool, count_down, COUNT) for _ in range(2)]
    pids = await asyncio.gather(*jobs)
    stop.set()
    beats = await beating
    print(f"both jobs ran in worker processes: {os.getpid() not in pids}")
    print(f"the heartbeat kept going meanwhile: {beats > 1}")


if __name__ == "__main__":
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=2, mp_context=spawn) as pool:
        list(pool.map(abs, range(2)))  # start both workers before the loop
        asyncio.run(main(pool))
