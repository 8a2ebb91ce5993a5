"""Exercise solution: a job that never hands over control makes others wait."""

import asyncio


async def polite_job(name, steps):
    for step in range(1, steps + 1):
        print(f"{name} does step {step} of {steps}")
        await asyncio.sleep(0)  # hand control back to the event loop
    print(f"{name} has finished")


async def greedy_job(name, steps):
    for step in range(1, steps + 1):
        print(f"{name} does step {step} of {steps}")  # and never awaits
    print(f"{name} has finished")


async def main():
    await asyncio.gather(
        polite_job("A", 2), greedy_job("G", 3), polite_job("B", 2)
    )


if __name__ == "__main__":
    asyncio.run(main())
