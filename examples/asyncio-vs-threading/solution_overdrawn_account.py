"""Exercise solution: an await between check and act overdraws an account."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
class Account:
    def __init__(self, balance):
        self.balance = balance
        self.lock = asyncio.Lock()  # one per account: others are not held up


async def fraud_check(amount):
    await asyncio.sleep(0.5)  # stands in for a call to another service


async def withdraw(account, amount):
    if account.balance < amount:  # check...
        return "refused"
    await fraud_check(amount)  # ...another withdrawal can run here...
    account.balance -= amount  # ...act on a check that may be out of date
    return "paid"


async def withdraw_safely(account, amount):
    async with account.lock:  # check and act with no one else in between
        return await withdraw(account, amount)


async def main():
    for attempt in (withdraw, withdraw_safely):
        account = Account(100)
        results = await asyncio.gather(
            attempt(account, 80), attempt(account, 80)
        )
        log(f"{attempt.__name__}(): {results}, balance {account.balance}")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:after-log]
