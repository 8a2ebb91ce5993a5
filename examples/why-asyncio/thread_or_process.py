"""A thread shares its process's memory; a new process gets its own copy."""

import multiprocessing
import threading

visits = []  # a global list: every function in this process can see it


def visit(who):
    visits.append(who)
    # flush: a child process writes to the same terminal as its parent
    print(f"{who} sees visits = {visits}", flush=True)


def main():
    thread = threading.Thread(target=visit, args=["a thread"])
    thread.start()
    thread.join()  # wait for the thread to finish
    print(f"main sees visits = {visits}", flush=True)

    # "spawn" starts a fresh interpreter, as Windows and macOS do by default
    spawn = multiprocessing.get_context("spawn")
    process = spawn.Process(target=visit, args=["a child process"])
    process.start()
    process.join()  # wait for the process to finish
    print(f"main sees visits = {visits}", flush=True)


if __name__ == "__main__":
    main()
