"""Record what the event loop did with every task while an example runs.

The runner installs this (``FIELDGUIDE_TIMELINE=PATH``, see
:mod:`fieldguide.runner`) before the example starts, in virtual time, and
writes the recording to PATH when the example ends. The example itself is not
changed: it never imports this module, and nothing here prints, warns, or keeps
a task or a future alive (every reference is weak), so its output and its
garbage collection are what they would be without the recorder.

How each fact is observed
-------------------------

* **A step** is one call of a task's step or wake-up callback by the loop.
  ``loop.call_soon()`` (patched on ``BaseEventLoop``: public API) tells us a
  task has been *scheduled*: its callback is a method bound to the task
  (``callback.__self__``) that is not one of ``asyncio.Task``'s public methods.
  When that handle *runs* is seen through ``asyncio.events.Handle._run``:
  PRIVATE, the one place every callback of every loop passes through, pinned by
  ``tests/test_timeline.py`` on 3.11, 3.12 and 3.13. A task created eagerly
  (``asyncio.eager_task_factory``, 3.12+) takes its first step inside
  ``loop.create_task()`` itself, which is patched for that reason: if the
  coroutine has started (``inspect.getcoroutinestate``) when it returns, that
  was a step.
* **What a task waits on** is read when its step ends, from the chain of
  coroutines it is suspended in (``cr_await``, ``gi_yieldfrom``, ``cr_code``,
  ``cr_frame.f_locals``: public): the outermost asyncio function in the chain
  names the wait (``sleep``, ``Event.wait``, ``Queue.get``, ``TaskGroup``...).
  When the chain ends in a bare future, the future that wakes the task (the
  argument of its wake-up callback) says what it was: another task, a
  ``gather()``, a thread job.
* **When it became ready** is when its wake-up was scheduled, except that a
  callback run late because the loop was blocked counts from when it was
  *due*: a timer from ``TimerHandle.when()``, anything it then schedules from
  that moment on. So a task whose sleep ended during another task's blocking
  ``time.sleep()`` is drawn ready-but-not-running until the loop resumed it.
* **How it ended**: ``cancelled()`` (public), or the exception's type from the
  task's ``_exception`` attribute (PRIVATE, pinned by the tests):
  ``exception()`` would mark the exception as retrieved and silence the "Task
  exception was never retrieved" report that some examples show.

Work in threads
---------------

Under plain virtual time a worker thread's ``time.sleep()`` is real and the
loop's clock stands still while it waits for the thread, so a thread job would
be drawn as taking no time at all. While recording, jobs handed to a
``ThreadPoolExecutor`` through ``loop.run_in_executor()`` (which
``asyncio.to_thread()`` uses) are simulated instead, deterministically:

* a ``time.sleep(s)`` inside a job parks the worker until the *virtual* clock
  reaches now + s;
* the loop's ``select()`` moves the clock on only when no job is computing:
  every job is parked in such a sleep, waiting for a free worker in a full
  pool, or finished with its result already delivered. It then moves to the
  earlier of the loop's next timer and the first parked job's wake-up time, and
  wakes parked jobs one at a time (earliest first, then in order of
  submission), waiting until each is parked or finished again.

So a job that sleeps 0.3 s takes exactly 0.3 s of loop time, jobs overlap as
they would on a real machine, and their results reach the loop in a fixed
order. What a job computes still takes no time (as in the rest of virtual
time), and a thread blocked on something else (a ``threading.Event``, a lock)
just keeps the clock where it is, as before. Deciding whether a pool is full
reads ``ThreadPoolExecutor._max_workers`` and the loop's
``_default_executor`` (PRIVATE, pinned by the tests). Process pools and threads
an example starts itself are not simulated: their work is not on a lane.
"""

from __future__ import annotations

import asyncio
import asyncio.base_events
import asyncio.events
import asyncio.selector_events
import concurrent.futures
import contextvars
import functools
import inspect
import json
import os
import threading
import time
import weakref

SCHEMA = "fieldguide-timeline/1"

_ASYNCIO_DIR = os.path.dirname(asyncio.__file__) + os.sep
_PUBLIC_TASK_METHODS = frozenset(
    name for name in dir(asyncio.Task) if not name.startswith("_")
)
# Tasks asyncio.run() starts for its own clean-up; they are not the example's.
_HOUSEKEEPING = frozenset(
    {
        "BaseEventLoop.shutdown_asyncgens",
        "BaseEventLoop.shutdown_default_executor",
        "_count_executor_work.<locals>.counted_shutdown",  # fieldguide.virtual_time
    }
)


def _r(seconds: float) -> float:
    """Times in the JSON: microseconds, so that every version writes the same."""
    return round(seconds, 6) + 0.0  # + 0.0 turns -0.0 into 0.0


# -- what a task waits on -------------------------------------------------------


def _waiting_on(task: asyncio.Task) -> tuple[str, str]:
    """(kind, label) for what a suspended task waits on, from its coroutines."""
    obj = task.get_coro()
    chain = []  # (qualname, filename, frame), outermost first
    last = None
    for _ in range(100):  # a chain is short; the bound guards against cycles
        if obj is None:
            break
        if hasattr(obj, "cr_frame") and obj.cr_frame is not None:
            chain.append(
                (obj.cr_code.co_qualname, obj.cr_code.co_filename, obj.cr_frame)
            )
            obj = obj.cr_await
        elif hasattr(obj, "gi_frame") and obj.gi_frame is not None:
            chain.append(
                (obj.gi_code.co_qualname, obj.gi_code.co_filename, obj.gi_frame)
            )
            obj = obj.gi_yieldfrom
        else:
            last = obj
            break
    for qualname, filename, frame in chain:
        if filename.startswith(_ASYNCIO_DIR):
            return _asyncio_wait(qualname, filename, frame)
    if last is not None and type(last).__name__ == "async_generator_asend":
        return "other", "async generator"
    if last is None and chain:
        return "yield", "yield"  # a generator-based awaitable yielded a value
    return "future", "future"


def _asyncio_wait(qualname: str, filename: str, frame) -> tuple[str, str]:
    module = os.path.basename(filename).removesuffix(".py")
    local = frame.f_locals
    method = qualname.rsplit(".", 1)[-1]
    owner = local.get("self")
    if qualname == "sleep":
        delay = local.get("delay", 0)
        return ("yield", "sleep(0)") if not delay else ("sleep", f"sleep {delay:g} s")
    if qualname == "__sleep0":
        return "yield", "sleep(0)"
    if module in {"locks", "queues"} and owner is not None:
        return "sync", f"{type(owner).__name__}.{method}"
    if module == "taskgroups":
        return "tasks", "TaskGroup"
    if qualname == "to_thread":
        return "thread", "to_thread"
    if qualname == "wait_for":
        return "tasks", "wait_for"
    if qualname in {"wait", "_wait"}:
        return "tasks", "asyncio.wait"
    if "as_completed" in qualname or method == "_wait_for_one":  # 3.13: a class
        return "tasks", "as_completed"
    if module in {"streams", "base_events", "selector_events", "sslproto"}:
        return "io", method.strip("_")
    return "other", method


def _woken_by(future, jobs) -> tuple[str, str] | None:
    """What the future that woke a task was, if that says more than the chain."""
    if isinstance(future, asyncio.Task):
        return "task", f"task {future.get_name()}"
    job = jobs.get(id(future))
    if job is not None and job[0]() is future:
        return "thread", f"{job[1].name}() in a thread"
    if type(future).__name__ == "_GatheringFuture":
        return "tasks", "gather"
    return None


def _call_text(coro) -> str:
    """``fetch('home', 3)``: the call that made a coroutine, if it is plain.

    Read from the arguments in its frame before it starts; a value other than a
    short str, number, bool or None is shown as ``…`` (a repr may hold an
    address, which changes from run to run).
    """
    name = getattr(coro, "__name__", type(coro).__name__)
    code, frame = getattr(coro, "cr_code", None), getattr(coro, "cr_frame", None)
    if code is None or frame is None:
        return f"{name}()"
    count = code.co_argcount + code.co_kwonlyargcount
    names = code.co_varnames[:count]
    values = frame.f_locals
    shown = []
    for index, arg in enumerate(names):
        value = values.get(arg)
        text = repr(value) if isinstance(value, str | int | float | None) else "…"
        if len(text) > 24:
            text = "…"
        shown.append(text if index < code.co_argcount else f"{arg}={text}")
    return f"{name}({', '.join(shown)})"


# -- records ----------------------------------------------------------------------


class _TaskRecord:
    def __init__(self, number: int, task: asyncio.Task, created: float, coro=None):
        self.number = number
        self.name = task.get_name()
        if coro is None:
            # Not for a task already done: on 3.12.0-3.12.x an eager task that
            # finished at once can return a freed coroutine here (a crash).
            coro = task.get_coro()
        self.coroutine = getattr(coro, "__qualname__", type(coro).__name__)
        self.call = _call_text(coro)
        self.housekeeping = self.coroutine in _HOUSEKEEPING
        self.created = created
        self.next_ready = created  # when it became ready for its next step
        self.steps: list[dict] = []
        self.waits: list[dict] = []
        self.waiting: dict | None = None  # the open wait, if it is suspended
        self.running_since: float | None = None
        self.step_number = 0  # the running step's place among all steps
        self.rescheduled_at: float | None = None  # ready again during a step
        self.times_scheduled = 0
        self.end: dict | None = None

    def as_json(self, finished: float) -> dict:
        waits = list(self.waits)
        if self.waiting is not None:  # still waiting when the program ended
            waits.append({**self.waiting, "until": None})
        end = self.end or {"at": _r(finished), "outcome": "pending"}
        return {
            "name": self.name,
            "coroutine": self.coroutine,
            "call": self.call,
            "created": _r(self.created),
            "steps": self.steps,
            "waits": waits,
            "end": end,
        }


class _Job:
    """One call handed to a thread pool."""

    QUEUED, RUNNING, SLEEPING, FINISHED = "queued", "running", "sleeping", "finished"

    def __init__(self, number, name, submitted, executor, task_name):
        self.number = number
        self.name = name
        self.submitted = submitted
        self.executor = executor  # weak reference to the pool
        self.task = task_name
        self.state = self.QUEUED
        self.started: float | None = None
        self.ended: float | None = None
        self.wake_at = 0.0
        self.woken = False
        self.outcome = "pending"
        self.exception: str | None = None
        self.future = None  # weak reference to the loop's future for it

    def as_json(self) -> dict:
        return {
            "name": self.name,
            "submitted": _r(self.submitted),
            "started": None if self.started is None else _r(self.started),
            "ended": None if self.ended is None else _r(self.ended),
            "outcome": self.outcome,
            "exception": self.exception,
            "task": self.task,
        }


def _job_name(func) -> str:
    """The function a job calls, seen through partials and Context.run."""
    for _ in range(10):
        if isinstance(func, functools.partial):
            inner = func.func
            if getattr(inner, "__self__", None).__class__ is contextvars.Context:
                func = func.args[0]  # to_thread(): partial(context.run, func, ...)
            else:
                func = inner
        else:
            break
    return getattr(func, "__name__", type(func).__name__)


def _max_workers(loop, executor) -> float:
    if executor is None:
        executor = getattr(loop, "_default_executor", None)  # PRIVATE, pinned
    workers = getattr(executor, "_max_workers", None)  # PRIVATE, pinned
    return float("inf") if workers is None else workers


# -- the recorder -------------------------------------------------------------------


class Recorder:
    def __init__(self, clock):
        self.clock = clock
        self.origin = time.monotonic()  # the loop's clock at the program's start
        self.tasks: dict[int, tuple[weakref.ref, _TaskRecord]] = {}
        self.records: list[_TaskRecord] = []
        self.fresh: list[tuple[weakref.ref, _TaskRecord]] = []
        self.handles: dict[int, tuple[weakref.ref, dict]] = {}
        self.jobs: list[_Job] = []
        self.job_futures: dict[int, tuple[weakref.ref, _Job]] = {}
        self.cond = threading.Condition()
        self.local = threading.local()
        self.loop_thread = threading.get_ident()
        self.steps_started = 0  # numbers the steps, to order those at one instant

    def now(self) -> float:
        return time.monotonic() - self.origin

    @property
    def context(self) -> list[tuple[str, float, float]]:
        """What this thread's loop is running: (kind, due, start), innermost last."""
        try:
            return self.local.context
        except AttributeError:
            self.local.context = []
            return self.local.context

    def effective_now(self) -> float:
        """When what is happening now would have happened on a free loop."""
        now = self.now()
        context = self.context
        if not context:
            return now
        kind, due, start = context[-1]
        return now if kind == "step" else min(now, due + (now - start))

    # -- tasks

    def record_for(self, task: asyncio.Task, created: float | None = None, coro=None):
        entry = self.tasks.get(id(task))
        if entry is not None and entry[0]() is task:
            return entry[1]
        record = _TaskRecord(
            len(self.records) + 1,
            task,
            self.effective_now() if created is None else created,
            coro,
        )
        key = id(task)

        def vanished(ref, key=key, record=record):
            if record.end is None:
                record.end = {"at": _r(self.now()), "outcome": "destroyed pending"}
            if self.tasks.get(key, (None,))[0] is ref:
                del self.tasks[key]

        self.tasks[key] = (weakref.ref(task, vanished), record)
        self.records.append(record)
        # asyncio.create_task() on 3.12 names a task after the loop made it
        # (and after an eager task may have finished): read the name again
        # when the callback that created it ends.
        self.fresh.append((self.tasks[key][0], record))
        return record

    def refresh_names(self) -> None:
        for ref, record in self.fresh:
            task = ref()
            if task is not None:
                record.name = task.get_name()
        self.fresh.clear()

    def scheduled(self, task: asyncio.Task, args: tuple) -> None:
        """A step or wake-up of ``task`` was scheduled: it is ready."""
        record = self.record_for(task)
        record.times_scheduled += 1
        ready = self.effective_now()
        if record.running_since is not None:
            record.rescheduled_at = ready
            return
        if record.waiting is not None:
            wait = record.waiting
            record.waiting = None
            future = args[0] if args else None
            if wait["on"] in {"future", "thread", "tasks"} and future is not None:
                better = _woken_by(future, self.job_futures)
                if better is not None:
                    if wait["on"] == "future":
                        wait["on"], wait["label"] = better
                    elif wait["label"] in {"to_thread", "wait_for"}:
                        target = better[1].removesuffix(" in a thread")
                        wait["label"] = f"{wait['label']}: {target}"
            if future is not None and getattr(future, "cancelled", bool)():
                wait["interrupted"] = True
            wait["until"] = _r(max(ready, wait["start"]))
            record.waits.append(wait)
            record.next_ready = max(ready, wait["start"])
        else:
            record.next_ready = ready

    def step_started(self, task: asyncio.Task, start: float | None = None) -> None:
        record = self.record_for(task)
        record.running_since = self.now() if start is None else start
        record.rescheduled_at = None
        self.steps_started += 1
        record.step_number = self.steps_started

    def step_ended(self, task: asyncio.Task) -> None:
        record = self.record_for(task)
        start, end = record.running_since, self.now()
        if start is None:
            return
        record.running_since = None
        record.name = task.get_name()
        record.steps.append(
            {
                "ready": _r(min(record.next_ready, start)),
                "start": _r(start),
                "end": _r(end),
                "number": record.step_number,
            }
        )
        if task.done():
            if task.cancelled():
                record.end = {"at": _r(end), "outcome": "cancelled"}
            else:
                error = getattr(task, "_exception", None)  # PRIVATE, pinned
                record.end = (
                    {"at": _r(end), "outcome": "returned"}
                    if error is None
                    else {
                        "at": _r(end),
                        "outcome": "raised",
                        "exception": type(error).__name__,
                    }
                )
            return
        kind, label = _waiting_on(task)
        record.waiting = {
            "start": _r(end),
            "on": kind,
            "label": label,
            "interrupted": False,
        }
        if record.rescheduled_at is not None:  # ready again before it ended
            self.scheduled(task, ())

    # -- threads

    def job_submitted(self, loop, executor, func) -> _Job:
        try:
            current = asyncio.current_task(loop)
        except RuntimeError:
            current = None
        job = _Job(
            len(self.jobs) + 1,
            _job_name(func),
            self.now(),
            None if executor is None else weakref.ref(executor),
            None if current is None else current.get_name(),
        )
        with self.cond:
            self.jobs.append(job)
        return job

    def run_job(self, job: _Job, func, *args):
        """Runs in the worker thread: the job's sleeps are simulated."""
        with self.cond:
            job.state = _Job.RUNNING
            job.started = self.now()
            self.cond.notify_all()
        self.local.job = job
        try:
            result = func(*args)
        except BaseException as error:
            job.outcome, job.exception = "raised", type(error).__name__
            raise
        else:
            job.outcome = "returned"
            return result
        finally:
            self.local.job = None
            with self.cond:
                job.state = _Job.FINISHED
                job.ended = self.now()
                self.cond.notify_all()

    def job_sleep(self, job: _Job, seconds: float) -> None:
        with self.cond:
            job.wake_at = self.clock.elapsed + seconds
            job.woken = False
            job.state = _Job.SLEEPING
            self.cond.notify_all()
            while not job.woken:
                self.cond.wait()
            job.state = _Job.RUNNING

    def _live_jobs(self, loop) -> tuple[bool, list[_Job]]:
        """(busy, sleepers): is a job computing or delivering; who is parked."""
        busy, sleepers = False, []
        active: dict[int, int] = {}
        for job in self.jobs:
            if job.state in {_Job.RUNNING, _Job.SLEEPING}:
                key = id(job.executor() if job.executor else None)
                active[key] = active.get(key, 0) + 1
        for job in self.jobs:
            future = job.future() if job.future is not None else None
            delivered = future is None or future.done()
            if job.state == _Job.RUNNING:
                busy = True
            elif job.state == _Job.SLEEPING:
                sleepers.append(job)
            elif job.state == _Job.FINISHED:
                busy = busy or not delivered
            elif not delivered:  # queued: it starts at once if a worker is free
                executor = job.executor() if job.executor else None
                busy = busy or active.get(id(executor), 0) < _max_workers(
                    loop, executor
                )
        return busy, sleepers

    def select(self, loop, raw, virtual, timeout):
        """The loop's select() while thread jobs are in flight (see above)."""
        with self.cond:
            pending = any(
                job.state != _Job.FINISHED
                or (
                    job.future is not None
                    and job.future() is not None
                    and not job.future().done()
                )
                for job in self.jobs
            )
        if not pending:
            return virtual(timeout)
        deadline = None if timeout is None else self.clock.elapsed + max(timeout, 0)
        while True:
            ready = raw(0)
            if ready or (timeout is not None and timeout <= 0):
                return ready
            with self.cond:
                busy, sleepers = self._live_jobs(loop)
                if not busy and not sleepers:
                    return virtual(
                        None if deadline is None else deadline - self.clock.elapsed
                    )
                if not busy:
                    first = min(sleepers, key=lambda job: (job.wake_at, job.number))
                    if deadline is not None and deadline <= first.wake_at:
                        self.clock.elapsed = max(self.clock.elapsed, deadline)
                        return raw(0)
                    self.clock.elapsed = max(self.clock.elapsed, first.wake_at)
                    first.woken = True
                    first.state = _Job.RUNNING
                    self.cond.notify_all()
                    continue
            ready = raw(0.002)  # a job is computing: wait for it, for real
            if ready:
                return ready

    # -- output

    def as_json(self) -> dict:
        finished = self.now()
        self.refresh_names()
        for ref, record in self.tasks.values():
            task = ref()
            if task is not None:
                record.name = task.get_name()
        tasks = [r.as_json(finished) for r in self.records if not r.housekeeping]
        return {
            "schema": SCHEMA,
            "duration": _r(finished),
            "tasks": tasks,
            "threads": [job.as_json() for job in self.jobs],
        }

    def write(self, path: str) -> None:
        with open(path, "w", encoding="utf-8") as file:
            json.dump(self.as_json(), file, indent=1)
            file.write("\n")


def install(clock) -> Recorder:
    """Start recording; ``clock`` is :func:`fieldguide.virtual_time.install`'s."""
    recorder = Recorder(clock)
    base = asyncio.base_events.BaseEventLoop

    call_soon = base.call_soon

    def recorded_call_soon(self, callback, *args, context=None):
        handle = call_soon(self, callback, *args, context=context)
        owner = getattr(callback, "__self__", None)
        if (
            isinstance(owner, asyncio.Task)
            and getattr(callback, "__name__", None) not in _PUBLIC_TASK_METHODS
        ):
            recorder.scheduled(owner, args)
            _remember(recorder, handle, {"step": weakref.ref(owner)})
        else:
            _remember(recorder, handle, {"due": recorder.effective_now()})
        return handle

    call_at = base.call_at

    def recorded_call_at(self, when, callback, *args, context=None):
        handle = call_at(self, when, callback, *args, context=context)
        _remember(recorder, handle, {"timer": True})
        return handle

    create_task = base.create_task

    def recorded_create_task(self, coro, *args, **kwargs):
        start = recorder.now()
        # An eager first step runs inside create_task(): number it from here,
        # before any step it starts itself (a number unused if none runs).
        recorder.steps_started += 1
        number = recorder.steps_started
        task = create_task(self, coro, *args, **kwargs)
        if isinstance(task, asyncio.Task):
            record = recorder.record_for(task, created=start, coro=coro)
            started = (
                inspect.iscoroutine(coro)
                and inspect.getcoroutinestate(coro) != inspect.CORO_CREATED
            )
            if started and not record.steps:  # an eager first step (3.12+)
                # Scheduled during that step: it yielded, and is ready again.
                rescheduled = record.times_scheduled > 0
                record.next_ready = start
                record.running_since = start
                record.step_number = number
                record.rescheduled_at = recorder.now() if rescheduled else None
                recorder.step_ended(task)
        return task

    run = asyncio.events.Handle._run  # PRIVATE, pinned by the tests

    def recorded_run(handle):
        entry = recorder.handles.pop(id(handle), None)
        info = entry[1] if entry is not None and entry[0]() is handle else {}
        now = recorder.now()
        task = info["step"]() if "step" in info else None
        if task is not None:
            recorder.step_started(task)
            recorder.context.append(("step", now, now))
        elif "timer" in info:
            due = handle.when() - recorder.origin
            recorder.context.append(("callback", min(due, now), now))
        else:
            recorder.context.append(("callback", info.get("due", now), now))
        try:
            return run(handle)
        finally:
            recorder.context.pop()
            recorder.refresh_names()
            if task is not None:
                recorder.step_ended(task)

    base.call_soon = recorded_call_soon
    base.call_at = recorded_call_at
    base.create_task = recorded_create_task
    asyncio.events.Handle._run = recorded_run
    _simulate_thread_jobs(recorder, clock)
    return recorder


def _remember(recorder: Recorder, handle, info: dict) -> None:
    key = id(handle)

    def forget(ref, key=key):
        if recorder.handles.get(key, (None,))[0] is ref:
            del recorder.handles[key]

    recorder.handles[key] = (weakref.ref(handle, forget), info)


def _simulate_thread_jobs(recorder: Recorder, clock) -> None:
    base = asyncio.base_events.BaseEventLoop
    run_in_executor = base.run_in_executor

    def recorded_run_in_executor(self, executor, func, *args):
        if executor is not None and not isinstance(
            executor, concurrent.futures.ThreadPoolExecutor
        ):
            return run_in_executor(self, executor, func, *args)
        job = recorder.job_submitted(self, executor, func)
        future = run_in_executor(
            self, executor, functools.partial(recorder.run_job, job, func), *args
        )
        if executor is None:
            pool = getattr(self, "_default_executor", None)  # PRIVATE, pinned
            job.executor = None if pool is None else weakref.ref(pool)
        job.future = weakref.ref(future)
        key = id(future)
        recorder.job_futures[key] = (weakref.ref(future), job)
        return future

    base.run_in_executor = recorded_run_in_executor

    sleep = time.sleep

    def recorded_sleep(seconds):
        job = getattr(recorder.local, "job", None)
        if job is None:
            return sleep(seconds)
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        return recorder.job_sleep(job, seconds)

    time.sleep = recorded_sleep

    loop_class = asyncio.selector_events.BaseSelectorEventLoop
    original_init = loop_class.__init__

    def __init__(self, selector=None):
        original_init(self, selector)
        selector = self._selector
        virtual = selector.select
        raw = functools.partial(type(selector).select, selector)
        loop = weakref.ref(self)

        def select(timeout=None):
            return recorder.select(loop(), raw, virtual, timeout)

        selector.select = select

    loop_class.__init__ = __init__
