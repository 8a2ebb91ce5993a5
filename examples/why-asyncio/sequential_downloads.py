"""Five slow downloads in a loop: each one waits for the one before it."""

import time

START = time.perf_counter()


def log(message):
    """Print a message after the seconds since the program started."""
    print(f"{time.perf_counter() - START:3.1f}s  {message}")


# --8<-- [start:after-log]
PAGES = {"home": 1.5, "news": 1.0, "shop": 2.0, "about": 0.5, "blog": 2.5}


def download(page, seconds):
    log(f"start  {page}")
    time.sleep(seconds)  # stands in for waiting on a slow server
    log(f"finish {page}")
    return page


def main():
    cpu_before = time.process_time()  # CPU time this process has used
    for page, seconds in PAGES.items():
        download(page, seconds)
    cpu = time.process_time() - cpu_before
    log(f"all {len(PAGES)} downloaded, using {cpu:.1f}s of CPU time")


if __name__ == "__main__":
    main()
# --8<-- [end:after-log]
