"""Bad input to crawl.py: a one-line error, an exit status, no damage."""

import contextlib
import io
import os
import tempfile

import crawl


def try_it(*argv):
    """Run crawl.py's command line; show its error and exit status."""
    errors = io.StringIO()
    with contextlib.redirect_stderr(errors):
        try:
            status = crawl.main(list(argv))
        except SystemExit as exit:  # argparse ends the program this way
            status = exit.code
    print(f"$ python crawl.py {' '.join(argv)}")
    print(f"{errors.getvalue().rstrip()}\nexit status {status}\n")


# --8<-- [start:main]
def main():
    with tempfile.TemporaryDirectory() as folder:
        os.chdir(folder)  # so that the messages show short file names
        try_it("--output", "out.jsonl")
        try_it("--start", "example.com", "--output", "out.jsonl")
        try_it("--urls", "urls.txt", "--output", "out.jsonl")
        with open("urls.txt", "w", encoding="utf-8") as file:
            file.write("# to fetch\nhttp://127.0.0.1:8080/\nexample.com\n")
        try_it("--urls", "urls.txt", "--output", "out.jsonl")
        try_it("--urls", "urls.txt", "--output", "out.jsonl", "--rate", "-1")
        with open("urls.txt", "w", encoding="utf-8") as file:
            file.write("http://127.0.0.1:8080/\n")
        with open("notes.txt", "w", encoding="utf-8") as file:
            file.write("Remember the milk.\n")
        try_it("--urls", "urls.txt", "--output", "notes.txt")
        with open("notes.txt", encoding="utf-8") as file:
            print(f"notes.txt still says: {file.read()!r}")
        print(f"out.jsonl exists: {os.path.exists('out.jsonl')}")
        os.chdir("/")  # a folder can't be removed while we are in it


# --8<-- [end:main]


if __name__ == "__main__":
    main()
