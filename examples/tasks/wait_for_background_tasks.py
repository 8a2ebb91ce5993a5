"""Waiting for every background task: all_tasks() includes main() itself."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


def names(tasks):
    return sorted(task.get_name() for task in tasks)


background = set()  # strong references, removed when each task is done


def start_in_background(coro, name):
    task = asyncio.create_task(coro, name=name)
    background.add(task)
    task.add_done_callback(background.discard)


async def send_email(seconds):
    await asyncio.sleep(seconds)
    log(f"{asyncio.current_task().get_name()} sent")


async def main():
    asyncio.current_task().set_name("main")
    start_in_background(send_email(1), "email-1")
    start_in_background(send_email(2), "email-2")
    everything = asyncio.all_tasks()
    log(f"all_tasks(): {names(everything)}")
    # gather(*everything) would wait forever; wait() with a timeout shows
    # which task it would be waiting for.
    _, pending = await asyncio.wait(everything, timeout=5)
    log(f"still pending after 5 s: {names(pending)}")

    start_in_background(send_email(1), "email-3")
    others = asyncio.all_tasks() - {asyncio.current_task()}
    await asyncio.gather(*others)
    log(f"gathered: {names(others)}")

    start_in_background(send_email(1), "email-4")
    await asyncio.gather(*background)  # your own tasks, and only those
    log(f"background tasks left: {len(background)}")


if __name__ == "__main__":
    asyncio.run(main())
