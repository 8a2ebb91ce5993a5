"""The store's queries all run on its one thread, never on the loop's."""

import asyncio
import sqlite3
import threading

from notes_app import NoteStore


async def main():
    # --8<-- [start:main]
    store = NoteStore(":memory:")
    await store.open()
    # Ten adds at once: the loop stays free while they queue for the
    # store's thread, which runs them one after another.
    notes = [store.add("ann", f"note {n}") for n in range(10)]
    saved = await asyncio.gather(*notes)
    print("ids:", [note["id"] for note in saved])
    print("count:", await store.count())

    def where():
        return threading.current_thread().name

    threads = {await store._call(where) for _ in range(5)}
    print("queries ran on:", threads)
    print("the loop runs on:", threading.current_thread().name)

    # The connection refuses to be used from any other thread.
    try:
        store._db.execute("SELECT count(*) FROM notes")
    except sqlite3.ProgrammingError as error:
        print("from the loop's thread:", str(error).split(".")[0])
    # --8<-- [end:main]
    await store.close()


if __name__ == "__main__":
    asyncio.run(main())
