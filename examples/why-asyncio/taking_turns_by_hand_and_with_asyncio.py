"""Cooperative multitasking twice: generators by hand, then asyncio."""

import asyncio
from collections import deque


def job(name, steps):
    for step in range(1, steps + 1):
        print(f"{name} does step {step} of {steps}")
        yield  # hand control back to the scheduler
    print(f"{name} has finished")


def run(jobs):
    """Give each job a turn, in order, until every job has finished."""
    ready = deque(jobs)
    while ready:
        current = ready.popleft()
        try:
            next(current)  # run the job until its next yield
        except StopIteration:
            pass  # the job has ended: drop it
        else:
            ready.append(current)  # back of the queue


async def async_job(name, steps):
    for step in range(1, steps + 1):
        print(f"{name} does step {step} of {steps}")
        await asyncio.sleep(0)  # hand control back to the event loop
    print(f"{name} has finished")


async def main():
    print("-- generators and a hand-made scheduler --")
    run([job("A", 3), job("B", 2), job("C", 1)])
    print("-- coroutines and the asyncio event loop --")
    await asyncio.gather(
        async_job("A", 3), async_job("B", 2), async_job("C", 1)
    )


if __name__ == "__main__":
    asyncio.run(main())
