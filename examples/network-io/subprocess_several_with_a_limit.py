# /// script
# [tool.fieldguide]
# virtual-time = false  # real child processes take real time
# ///
"""Run several commands at once, never more than two at a time."""

import asyncio
import sys

# --8<-- [start:core]
LIMIT = 2

# name: (seconds it works, exit status). "lint" fails on purpose.
JOBS = {
    "build": (0.6, 0),
    "lint": (0.2, 1),
    "test": (0.8, 0),
    "docs": (0.4, 0),
    "package": (0.3, 0),
}


async def run(name, seconds, status, slots, running):
    code = f"import sys, time; time.sleep({seconds}); sys.exit({status})"
    async with slots:  # wait here while LIMIT commands are running
        running.add(name)
        peak = len(running)
        try:
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-c", code
            )
            return await process.wait(), peak
        finally:
            running.discard(name)


async def main():
    slots = asyncio.Semaphore(LIMIT)
    running = set()  # names of the commands running right now
    async with asyncio.TaskGroup() as group:
        tasks = {
            name: group.create_task(run(name, *job, slots, running))
            for name, job in JOBS.items()
        }
    # The commands finished in whatever order the machine allowed; print
    # them in the order they were given, so the report is always the same.
    for name, task in tasks.items():
        status, _ = task.result()
        print(f"{name:8} exit status {status}")
    peak = max(task.result()[1] for task in tasks.values())
    print(f"never more than {LIMIT} at once: {peak <= LIMIT}")
    failed = [name for name, task in tasks.items() if task.result()[0]]
    print(f"failed: {failed}")


# --8<-- [end:core]


if __name__ == "__main__":
    asyncio.run(main())
