"""Keep background tasks in a set; each removes itself when it is done."""

import asyncio
import gc

background_tasks = set()


def start_in_background(coro):
    task = asyncio.create_task(coro)
    background_tasks.add(task)  # a strong reference keeps the task alive
    task.add_done_callback(background_tasks.discard)  # dropped when done
    return task


async def wait_for_reply():
    reply = asyncio.get_running_loop().create_future()  # no one else has it
    print("listener: waiting for a reply")
    return await reply


async def tick(seconds):
    await asyncio.sleep(seconds)
    print(f"tick: finished after {seconds} s")


async def main():
    listener = start_in_background(wait_for_reply())
    start_in_background(tick(1))
    start_in_background(tick(2))
    await asyncio.sleep(0.5)
    gc.collect()
    print(f"main: after collection, {len(background_tasks)} tasks in the set")
    await asyncio.sleep(2)
    print(f"main: the ticks are done, {len(background_tasks)} left in the set")
    listener.cancel()  # shutting down: stop the listener
    try:
        await listener
    except asyncio.CancelledError:
        print(f"main: listener cancelled, {len(background_tasks)} left")


if __name__ == "__main__":
    asyncio.run(main())
