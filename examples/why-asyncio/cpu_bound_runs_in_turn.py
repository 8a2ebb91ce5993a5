"""CPU-bound coroutines gain nothing: each runs to its end before the next."""

import asyncio


def count_primes(limit):
    """Count the primes below limit by trial division: slow on purpose."""
    return sum(
        all(n % d for d in range(2, int(n**0.5) + 1)) for n in range(2, limit)
    )


async def crunch(name, limit):
    print(f"{name} starts counting the primes below {limit:,}")
    found = count_primes(limit)  # no await in here: nothing else can run
    print(f"{name} found {found:,}")
    return found


async def main():
    found = await asyncio.gather(
        crunch("A", 30_000), crunch("B", 20_000), crunch("C", 10_000)
    )
    print(f"together: {sum(found):,} primes")


if __name__ == "__main__":
    asyncio.run(main())
