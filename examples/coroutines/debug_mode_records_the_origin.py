"""In debug mode every coroutine object remembers where it was created."""

import asyncio


async def save(record):
    await asyncio.sleep(0.1)


def start_saving(record):
    return save(record)  # the caller was meant to await this


async def main():
    debug = asyncio.get_running_loop().get_debug()
    coro = start_saving("first")
    if coro.cr_origin is None:
        print(f"debug mode {debug}: cr_origin is None")
    else:
        print(f"debug mode {debug}: cr_origin records where it was made:")
        for filename, line, function in coro.cr_origin:
            if filename == __file__:  # leave out asyncio's own frames
                print(f"    line {line}, in {function}")
    coro.close()  # this example forgets it on purpose; no warning, please


if __name__ == "__main__":
    asyncio.run(main(), debug=False)
    asyncio.run(main(), debug=True)
