"""Two bookings check the seats, await a payment, then write: one is lost."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
class Flight:
    def __init__(self, seats):
        self.seats = seats


async def book(flight, customer, wanted):
    available = flight.seats  # check ...
    log(f"{customer}: wants {wanted}, free seats = {available}")
    if available < wanted:
        log(f"{customer}: refused")
        return 0
    await asyncio.sleep(1)  # take the payment; other tasks run meanwhile
    flight.seats = available - wanted  # ... then act on what was seen
    log(f"{customer}: booked {wanted}, writes free seats = {flight.seats}")
    return wanted


async def main():
    flight = Flight(seats=3)
    async with asyncio.TaskGroup() as group:
        ann = group.create_task(book(flight, "ann", 2), name="ann")
        bob = group.create_task(book(flight, "bob", 2), name="bob")
    sold = ann.result() + bob.result()
    log(f"sold {sold} of 3 seats; the record says {flight.seats} free")
    await book(flight, "cy", 2)  # a later customer, trusting the record


# --8<-- [end:after-log]


if __name__ == "__main__":
    asyncio.run(main())
