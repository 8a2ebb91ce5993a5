"""Check, await, act: three callers miss the cache and fetch three times."""

import asyncio
import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
async def fetch_user(user_id):
    log(f"  fetching user {user_id} from the database")
    await asyncio.sleep(1)
    return {"id": user_id}


users = {}  # user id -> user


async def get_user(user_id):
    if user_id not in users:  # check...
        users[user_id] = await fetch_user(user_id)  # ...await, then act
    return users[user_id]


fetches = {}  # user id -> the task that fetches it


async def get_user_once(user_id):
    if user_id not in fetches:  # check and act with no await between them
        fetches[user_id] = asyncio.create_task(fetch_user(user_id))
    return await fetches[user_id]  # every caller awaits the same task


async def main():
    log("three callers, a cache of users:")
    await asyncio.gather(get_user(7), get_user(7), get_user(7))
    log("three callers, a cache of tasks:")
    await asyncio.gather(get_user_once(7), get_user_once(7), get_user_once(7))
    log("done")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:after-log]
