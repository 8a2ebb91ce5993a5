"""read -> parse -> store: every line is stored, rejected or reported."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
DONE = object()  # put after the last item: "no more input"


class DiskFull(Exception):
    pass


async def read(lines, outbox, report):
    for number, text in enumerate(lines, 1):
        try:
            await outbox.put((number, text))  # waits while the queue is full
        except BaseException:  # stopped: this line and the rest never left
            for unread in range(number, len(lines) + 1):
                report["unfinished"].append(f"{unread} (reader)")
            raise
    await outbox.put(DONE)


async def parse(inbox, outbox, report):
    while (item := await inbox.get()) is not DONE:
        number, text = item
        try:
            await asyncio.sleep(0.5)
            await outbox.put((number, int(text)))
        except ValueError:  # bad input: this line only, not the stage
            report["rejected"].append(number)
        except BaseException:  # cancelled, or a crash: say what was in hand
            report["unfinished"].append(f"{number} (parser)")
            raise
    await outbox.put(DONE)  # pass the end on to the next stage


async def store(inbox, report, fail_at):
    while (item := await inbox.get()) is not DONE:
        number, _value = item  # the value would go to the database
        try:
            await asyncio.sleep(1)
            if number == fail_at:
                raise DiskFull(f"disk full while storing line {number}")
            report["stored"].append(number)
        except BaseException:
            report["unfinished"].append(f"{number} (store)")
            raise


async def run(lines, fail_at=None):
    between = [asyncio.Queue(maxsize=2), asyncio.Queue(maxsize=2)]
    report = {"stored": [], "rejected": [], "unfinished": []}
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(read(lines, between[0], report))
            group.create_task(parse(between[0], between[1], report))
            group.create_task(store(between[1], report, fail_at))
    except* Exception as failure:  # any stage's failure; then account
        log(f"pipeline stopped: {failure.exceptions[0]}")
    for queue in between:  # items still waiting between stages
        while not queue.empty():
            if (item := queue.get_nowait()) is not DONE:
                report["unfinished"].append(f"{item[0]} (queue)")
    accounted = sum(len(numbers) for numbers in report.values())
    for outcome, numbers in report.items():
        in_order = sorted(
            map(str, numbers), key=lambda entry: int(entry.split()[0])
        )
        shown = ", ".join(in_order) or "none"
        log(f"  {outcome:>10}: {shown}")
    log(f"  {len(lines)} lines in, {accounted} accounted for")


async def main():
    lines = ["10", "20", "x", "40", "50", "60", "70", "80", "90", "100"]
    log("run 1: the input ends")
    await run(lines)
    log("run 2: the store stage fails")
    await run(lines, fail_at=4)


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
