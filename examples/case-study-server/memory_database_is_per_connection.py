""":memory: is a new, empty database for each connection; a file is not."""

import os
import sqlite3
import tempfile


def tables(connection):
    rows = connection.execute("SELECT name FROM sqlite_master")
    return [name for (name,) in rows]


def main():
    first = sqlite3.connect(":memory:")
    second = sqlite3.connect(":memory:")
    first.execute("CREATE TABLE notes (text TEXT)")
    print(":memory:, first connection: ", tables(first))
    print(":memory:, second connection:", tables(second))
    first.close()
    second.close()

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "notes.db")
        first = sqlite3.connect(path)
        second = sqlite3.connect(path)
        with first:  # commit, so that other connections see it
            first.execute("CREATE TABLE notes (text TEXT)")
        print("a file, first connection:   ", tables(first))
        print("a file, second connection:  ", tables(second))
        first.close()
        second.close()


if __name__ == "__main__":
    main()
