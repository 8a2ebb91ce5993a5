"""Exercise solution: a global lock binds to one loop; make one per test."""

import asyncio
import sys

import pytest

shared_lock = asyncio.Lock()  # the bug: one lock for every test's loop


async def contend(lock):
    """Two tasks take the lock in turn; the second has to wait for it."""

    async def hold():
        async with lock:
            await asyncio.sleep(0.1)

    await asyncio.gather(hold(), hold())


@pytest.mark.asyncio
async def test_first_loop_binds_the_lock():
    await contend(shared_lock)  # the first wait binds it to this loop


@pytest.mark.asyncio
async def test_second_loop_cannot_wait_for_it():
    # Runs after the first test (pytest keeps the file's order), whose loop
    # the lock is bound to; run alone, this test would find the lock unbound.
    with pytest.raises(RuntimeError, match="bound to a different event loop"):
        await contend(shared_lock)


@pytest.fixture
def lock():
    return (
        asyncio.Lock()
    )  # the fix: a new lock for each test, bound to nothing


@pytest.mark.asyncio
async def test_fixture_lock_works(lock):
    await contend(lock)


@pytest.mark.asyncio
async def test_fixture_lock_works_again(lock):
    await contend(lock)


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-qq", "-rA", "-p", "no:cacheprovider"]))
