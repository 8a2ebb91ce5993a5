"""An async fixture sets up before each test and tears down after it."""

import asyncio
import sys

import pytest
import pytest_asyncio


class Inventory:
    """A stand-in for a database connection with async open and close."""

    async def open(self):
        await asyncio.sleep(0.1)
        self.items = {"apples": 3}
        print("fixture: opened the inventory")

    async def close(self):
        await asyncio.sleep(0.1)
        print("fixture: closed the inventory")

    async def take(self, name):
        await asyncio.sleep(0.01)
        if self.items.get(name, 0) == 0:
            raise LookupError(f"no {name} left")
        self.items[name] -= 1
        return self.items[name]


@pytest_asyncio.fixture
async def inventory():
    store = Inventory()
    await store.open()
    yield store  # the test runs here
    await store.close()  # runs even when the test fails


@pytest.mark.asyncio
async def test_take_one(inventory):
    print("test: taking an apple")
    assert await inventory.take("apples") == 2


@pytest.mark.asyncio
async def test_each_test_gets_a_fresh_inventory(inventory):
    print(f"test: the inventory holds {inventory.items}")
    with pytest.raises(LookupError, match="no pears left"):
        await inventory.take("pears")


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-qq", "-rA", "-p", "no:cacheprovider"]))
