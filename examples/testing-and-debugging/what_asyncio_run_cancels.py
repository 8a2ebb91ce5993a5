"""Tasks still running when main() returns are cancelled by asyncio.run()."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


async def heartbeat():
    try:
        while True:
            await asyncio.sleep(1)
            log("heartbeat")
    except asyncio.CancelledError:
        log("heartbeat: cancelled, cleaning up")
        raise  # let the cancellation finish the task


async def main():
    beat = asyncio.create_task(heartbeat(), name="heartbeat")
    await asyncio.sleep(2.5)  # the real work of the program
    others = asyncio.all_tasks() - {asyncio.current_task()}
    log(f"main(): returning; still running: {[t.get_name() for t in others]}")
    return beat


if __name__ == "__main__":
    beat = asyncio.run(main())
    log(f"after asyncio.run(): heartbeat cancelled? {beat.cancelled()}")
