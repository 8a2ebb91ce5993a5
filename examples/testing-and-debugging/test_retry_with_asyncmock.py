"""AsyncMock stands in for a coroutine function: set results, check calls."""

import asyncio
import sys
from unittest.mock import AsyncMock, call

import pytest


async def fetch_with_retry(fetch, url, attempts=3):
    """The code under test: retry a failing fetch, then give up."""
    for attempt in range(1, attempts + 1):
        try:
            return await fetch(url, timeout=5)
        except ConnectionError:
            if attempt == attempts:
                raise
            await asyncio.sleep(0.1 * attempt)


@pytest.mark.asyncio
async def test_second_attempt_succeeds():
    # side_effect as a list: one item per call, and exceptions are raised.
    fetch = AsyncMock(side_effect=[ConnectionError("reset"), b"<html>"])
    assert await fetch_with_retry(fetch, "/home") == b"<html>"
    assert fetch.await_count == 2
    fetch.assert_awaited_with("/home", timeout=5)


@pytest.mark.asyncio
async def test_gives_up_after_three_attempts():
    fetch = AsyncMock(side_effect=ConnectionError("refused"))  # every call
    with pytest.raises(ConnectionError, match="refused"):
        await fetch_with_retry(fetch, "/home")
    assert fetch.await_args_list == [call("/home", timeout=5)] * 3


@pytest.mark.asyncio
async def test_calling_is_not_awaiting():
    fetch = AsyncMock(return_value=b"<html>")
    pending = fetch("/home")  # called: a coroutine, not yet the result
    fetch.assert_called_once()
    fetch.assert_not_awaited()
    assert await pending == b"<html>"
    fetch.assert_awaited_once_with("/home")


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-qq", "-rA", "-p", "no:cacheprovider"]))
