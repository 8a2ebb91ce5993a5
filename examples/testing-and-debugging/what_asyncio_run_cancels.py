"""Tasks still running when main() returns are cancelled by asyncio.run()."""

import asyncio


async def heartbeat():
    beats = 0
    try:
        while True:
            await asyncio.sleep(1)
            beats += 1
            print(f"heartbeat {beats}")
    except asyncio.CancelledError:
        print(f"heartbeat: cancelled after {beats} beats, cleaning up")
        raise  # let the cancellation finish the task


async def main():
    beat = asyncio.create_task(heartbeat(), name="heartbeat")
    await asyncio.sleep(2.5)  # the real work of the program
    others = asyncio.all_tasks() - {asyncio.current_task()}
    print(
        f"main(): returning; still running: {[t.get_name() for t in others]}"
    )
    return beat


if __name__ == "__main__":
    beat = asyncio.run(main())
    print(f"after asyncio.run(): heartbeat cancelled? {beat.cancelled()}")
