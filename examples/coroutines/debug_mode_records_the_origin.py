"""In debug mode every coroutine object remembers where it was created."""

import asyncio
import os
import warnings


async def save(record):
    """Save the record (it never runs here: nobody awaits it)."""


def start_saving(record):
    return save(record)  # creates the coroutine object and hands it back


def print_own_frames(text):
    """Print a warning's text, leaving out the frames from other files."""
    keep = True
    for line in text.splitlines():
        if line.startswith("  File "):  # a frame: this line, then its source
            keep = __file__ in line
        if keep:
            print(line.replace(__file__, os.path.basename(__file__)))


async def main():
    coro = start_saving("first")  # bug: main() forgot to await it
    if coro.cr_origin is None:
        print("debug mode off: cr_origin is None")
        coro.close()  # no warning this time
        return
    _filename, line, function = coro.cr_origin[0]  # the innermost frame
    print(f"debug mode on: cr_origin starts at line {line}, in {function}")
    main_coro = asyncio.current_task().get_coro()
    print(f"main()'s own cr_origin: {main_coro.cr_origin}")

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")  # record the warning, do not print
        del coro  # the last reference goes, and the warning is issued
    print("the warning, without the frames inside asyncio:")
    print_own_frames(str(caught[0].message))


if __name__ == "__main__":
    asyncio.run(main(), debug=False)  # explicitly off, even under -X dev
    asyncio.run(main(), debug=True)
