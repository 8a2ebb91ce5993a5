"""The timeline recorder and renderer (fieldguide/timeline/): exact, quiet, stable."""

from __future__ import annotations

import json
import re
import sys
import textwrap
from pathlib import Path

import pytest

from fieldguide.examples import load_example, run_example
from fieldguide.timeline import command, render
from fieldguide.timeline.command import TimelineError, record

PYTHONS = {
    version: Path.home() / f".pyenv/versions/{version}/bin/python3"
    for version in ("3.11.7", "3.12.1", "3.13.0")
}

BLOCKS = "# /// script\n# [tool.fieldguide]\n# blocks-the-loop = true\n# ///\n"

GATHER = """
    import asyncio

    async def fetch(name, seconds):
        await asyncio.sleep(seconds)
        return name

    async def main():
        print(await asyncio.gather(fetch("a", 1), fetch("b", 2)))

    if __name__ == "__main__":
        asyncio.run(main())
"""

TASK_GROUP = """
    import asyncio

    async def child(seconds, fails=False):
        await asyncio.sleep(seconds)
        if fails:
            raise LookupError("gone")

    async def main():
        try:
            async with asyncio.TaskGroup() as group:
                group.create_task(child(1))
                group.create_task(child(2, fails=True))
                group.create_task(child(3), name="slow")
        except* LookupError:
            print("caught")

    if __name__ == "__main__":
        asyncio.run(main())
"""

TIMEOUT = """
    import asyncio

    async def main():
        try:
            async with asyncio.timeout(1.5):
                await asyncio.sleep(5)
        except TimeoutError:
            print("gave up")

    if __name__ == "__main__":
        asyncio.run(main())
"""

BLOCKING = """
    import asyncio
    import time

    async def blocker():
        time.sleep(2)  # holds the loop: nobody else can run

    async def sleeper():
        await asyncio.sleep(1)

    async def main():
        await asyncio.gather(sleeper(), blocker())

    if __name__ == "__main__":
        asyncio.run(main())
"""

THREADS = """
    import asyncio
    import time
    from concurrent.futures import ThreadPoolExecutor

    def work(seconds):
        time.sleep(seconds)
        return seconds

    async def main(pool):
        loop = asyncio.get_running_loop()
        jobs = [loop.run_in_executor(pool, work, s) for s in (1, 2, 1)]
        print(await asyncio.gather(*jobs))
        print(await asyncio.to_thread(work, 0.5))

    if __name__ == "__main__":
        with ThreadPoolExecutor(max_workers=2) as pool:
            asyncio.run(main(pool))
"""

PROGRAMS = {
    "gather": (GATHER, ""),
    "task_group": (TASK_GROUP, ""),
    "timeout": (TIMEOUT, ""),
    "blocking": (BLOCKING, BLOCKS),
    "threads": (THREADS, ""),
}


def _program(tmp_path: Path, body: str, header: str = "", name="program") -> Path:
    path = tmp_path / f"{name}.py"
    path.write_text(header + textwrap.dedent(body).lstrip())
    return path


def _record(tmp_path, name, python=sys.executable) -> dict:
    body, header = PROGRAMS[name]
    return record(_program(tmp_path, body, header), python=str(python))


def _lane(recording: dict, name: str) -> dict:
    (task,) = [t for t in recording["tasks"] if t["name"] == name]
    return task


def _steps(task: dict) -> list[tuple]:
    return [(s["ready"], s["start"], s["end"]) for s in task["steps"]]


def _waits(task: dict) -> list[tuple]:
    return [
        (w["label"], w["start"], w["until"], w["interrupted"]) for w in task["waits"]
    ]


# -- what is recorded ------------------------------------------------------


def test_sleeps_and_gather_are_recorded_exactly(tmp_path):
    recording = _record(tmp_path, "gather")
    assert recording["duration"] == 2.0
    assert [(t["name"], t["call"]) for t in recording["tasks"]] == [
        ("Task-1", "main()"),
        ("Task-2", "fetch('a', 1)"),
        ("Task-3", "fetch('b', 2)"),
    ]
    main, a, b = recording["tasks"]
    assert _steps(main) == [(0.0, 0.0, 0.0), (2.0, 2.0, 2.0)]
    assert _waits(main) == [("gather", 0.0, 2.0, False)]
    assert _steps(a) == [(0.0, 0.0, 0.0), (1.0, 1.0, 1.0)]
    assert _waits(a) == [("sleep 1 s", 0.0, 1.0, False)]
    assert a["end"] == {"at": 1.0, "outcome": "returned"}
    assert _waits(b) == [("sleep 2 s", 0.0, 2.0, False)]
    assert b["end"] == {"at": 2.0, "outcome": "returned"}
    assert recording["threads"] == []


def test_a_failing_task_group_child_and_its_cancelled_siblings(tmp_path):
    recording = _record(tmp_path, "task_group")
    assert [t["end"] for t in recording["tasks"]] == [
        {"at": 2.0, "outcome": "returned"},  # main() caught the ExceptionGroup
        {"at": 1.0, "outcome": "returned"},
        {"at": 2.0, "outcome": "raised", "exception": "LookupError"},
        {"at": 2.0, "outcome": "cancelled"},
    ]
    slow = _lane(recording, "slow")
    assert slow["call"] == "child(3, False)"
    # Its 3-second sleep is cut short at 2 s by the group's cancellation.
    assert _waits(slow) == [("sleep 3 s", 0.0, 2.0, True)]
    main = _lane(recording, "Task-1")
    # The group cancels its parent too, to wake it from __aexit__.
    assert _waits(main)[0] == ("TaskGroup", 0.0, 2.0, True)


def test_a_timeout_interrupts_the_wait(tmp_path):
    recording = _record(tmp_path, "timeout")
    (main,) = recording["tasks"]
    assert _waits(main) == [("sleep 5 s", 0.0, 1.5, True)]
    assert _steps(main) == [(0.0, 0.0, 0.0), (1.5, 1.5, 1.5)]
    assert main["end"] == {"at": 1.5, "outcome": "returned"}


def test_a_blocking_call_leaves_others_ready_but_not_running(tmp_path):
    recording = _record(tmp_path, "blocking")
    main, sleeper, blocker = recording["tasks"]
    assert _steps(blocker) == [(0.0, 0.0, 2.0)]  # one step, 2 s long
    # The sleeper's timer was due at 1 s; the loop could only resume it at 2 s.
    assert _waits(sleeper) == [("sleep 1 s", 0.0, 1.0, False)]
    assert _steps(sleeper) == [(0.0, 0.0, 0.0), (1.0, 2.0, 2.0)]
    assert _steps(main) == [(0.0, 0.0, 0.0), (2.0, 2.0, 2.0)]
    lanes = render.lanes(recording)
    ready = [span for span in lanes[1]["spans"] if span[0] == "ready"]
    assert [(a, b) for _, a, b, _ in ready] == [(1.0, 2.0)]


def test_thread_jobs_take_the_virtual_time_they_sleep(tmp_path):
    # Two workers, three jobs: the third waits for a free worker. Pins the
    # private names the simulation reads (ThreadPoolExecutor._max_workers,
    # the loop's _default_executor for to_thread()).
    recording = _record(tmp_path, "threads")
    jobs = [
        (j["name"], j["submitted"], j["started"], j["ended"], j["outcome"])
        for j in recording["threads"]
    ]
    assert jobs == [
        ("work", 0.0, 0.0, 1.0, "returned"),
        ("work", 0.0, 0.0, 2.0, "returned"),
        ("work", 0.0, 1.0, 2.0, "returned"),
        ("work", 2.0, 2.0, 2.5, "returned"),
    ]
    (main,) = recording["tasks"]
    assert _waits(main) == [
        ("gather", 0.0, 2.0, False),
        ("to_thread: work()", 2.0, 2.5, False),
    ]
    assert recording["duration"] == 2.5


@pytest.mark.parametrize("version", ["3.12.1", "3.13.0"])
def test_an_eager_task_takes_its_first_step_inside_create_task(tmp_path, version):
    # Eager tasks are new in 3.12.
    python = PYTHONS[version]
    if not python.exists():
        pytest.skip(f"Python {version} is not installed at {python}")
    body = """
        import asyncio

        async def quick():
            return 1

        async def slow():
            await asyncio.sleep(1)

        async def main():
            asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
            first = asyncio.create_task(quick(), name="quick")
            second = asyncio.create_task(slow(), name="slow")
            print(first.done(), await second)

        if __name__ == "__main__":
            asyncio.run(main())
    """
    recording = record(_program(tmp_path, body), python=str(python))
    quick, slow = _lane(recording, "quick"), _lane(recording, "slow")
    assert _steps(quick) == [(0.0, 0.0, 0.0)]
    assert quick["end"] == {"at": 0.0, "outcome": "returned"}
    # Each eager step ran inside main()'s first step, after it had begun.
    main = _lane(recording, "Task-1")
    numbers = [t["steps"][0]["number"] for t in (main, quick, slow)]
    assert numbers == sorted(numbers)
    assert _waits(slow) == [("sleep 1 s", 0.0, 1.0, False)]


def test_steps_at_one_instant_are_numbered_in_the_order_they_ran(tmp_path):
    # gather() schedules a, then b; both run only once main() has paused.
    recording = _record(tmp_path, "gather")
    lanes = render.lanes(recording)
    orders = render.same_instant_orders(lanes)
    assert orders == {
        (0.0, 0): [1],  # main() starts
        (0.0, 1): [2],  # then a
        (0.0, 2): [3],  # then b
        (2.0, 2): [1],  # b finishes and wakes the gather,
        (2.0, 0): [2],  # which resumes main()
    }
    assert "At 0.0 s the loop runs these steps in turn: Task-1, Task-2, Task-3." in (
        render.describe(recording)
    )


def test_the_examples_output_is_unchanged_by_recording(tmp_path):
    # record() compares the recorded run's output with the .out file.
    path = _program(tmp_path, TASK_GROUP)
    plain = run_example(load_example(path))
    assert plain.stdout == "caught\n"
    path.with_suffix(".out").write_text(plain.stdout)
    record(path)
    path.with_suffix(".out").write_text("something else\n")
    with pytest.raises(TimelineError, match="printed something other than"):
        record(path)


def test_an_unretrieved_exception_is_still_reported(tmp_path):
    # The recorder reads the exception without retrieving it, so the loop still
    # reports it when the task is destroyed (record-stderr shows it in stdout).
    header = "# /// script\n# [tool.fieldguide]\n# record-stderr = true\n# ///\n"
    body = """
        import asyncio
        import gc

        async def fails():
            raise ValueError("nobody looks")

        async def main():
            asyncio.create_task(fails())
            await asyncio.sleep(1)
            gc.collect()

        if __name__ == "__main__":
            asyncio.run(main())
    """
    path = _program(tmp_path, body, header)
    plain = run_example(load_example(path))
    assert "Task exception was never retrieved" in plain.stdout
    path.with_suffix(".out").write_text(plain.stdout)
    recording = record(path)
    assert recording["tasks"][1]["end"]["exception"] == "ValueError"


@pytest.mark.parametrize("program", sorted(PROGRAMS))
@pytest.mark.parametrize("version", sorted(PYTHONS))
def test_the_recording_is_the_same_on_every_version(tmp_path, program, version):
    python = PYTHONS[version]
    if not python.exists():
        pytest.skip(f"Python {version} is not installed at {python}")
    (tmp_path / "here").mkdir()
    (tmp_path / "there").mkdir()
    here = _record(tmp_path / "here", program)
    there = _record(tmp_path / "there", program, python)
    assert json.dumps(there, indent=1) == json.dumps(here, indent=1)


def test_recording_twice_gives_the_same_bytes(tmp_path):
    first = json.dumps(_record(tmp_path, "threads"))
    assert json.dumps(_record(tmp_path, "threads")) == first


# -- the command -----------------------------------------------------------


def test_the_command_writes_a_recording_and_two_pictures(tmp_path, capsys):
    path = _program(tmp_path, GATHER)
    out = tmp_path / "out"
    out.mkdir()
    assert command.main([str(path), "--output", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "program.dark.svg",
        "program.json",
        "program.light.svg",
    ]
    assert json.loads((out / "program.json").read_text())["duration"] == 2.0
    assert (out / "program.light.svg").read_bytes().startswith(b"<?xml")


@pytest.mark.parametrize(
    ("body", "header", "message"),
    [
        ("print('hi')\n", "", r"not an example \(no `if __name__"),
        (
            "if __name__ == '__main__':\n    print('no loop at all')\n",
            "",
            r"ran no asyncio task: nothing to draw",
        ),
        (
            "if __name__ == '__main__':\n    raise SystemExit('broken')\n",
            "",
            r"the example failed \(exit status 1\): broken",
        ),
        (
            "import threading\nif __name__ == '__main__':\n"
            "    threading.Event().wait()\n",
            "# /// script\n# [tool.fieldguide]\n# timeout = 1\n# ///\n",
            r"ran longer than its limit of 1 s; a hung example has no timeline",
        ),
    ],
    ids=["no-guard", "no-tasks", "fails", "hangs"],
)
def test_bad_input_is_a_one_line_error(tmp_path, capsys, body, header, message):
    path = _program(tmp_path, body, header)
    assert command.main([str(path), "--output", str(tmp_path)]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert "program.py" in error
    assert re.search(message, error), error
    assert not list(tmp_path.glob("*.svg"))


def test_a_missing_file_or_folder_is_a_one_line_error(tmp_path, capsys):
    assert command.main([str(tmp_path / "nothing.py"), "--output", str(tmp_path)]) == 1
    assert "nothing.py: not an example" in capsys.readouterr().err
    path = _program(tmp_path, GATHER)
    assert command.main([str(path), "--output", str(tmp_path / "absent")]) == 1
    error = capsys.readouterr().err
    assert "absent: no such folder" in error
    assert error.count("\n") == 1


# -- the picture and the words ---------------------------------------------


@pytest.fixture(scope="module")
def recordings(tmp_path_factory) -> dict[str, dict]:
    folder = tmp_path_factory.mktemp("recordings")
    return {
        name: _record(folder, name) for name in ("task_group", "blocking", "threads")
    }


@pytest.mark.parametrize("palette", render.PALETTES)
def test_the_svg_is_the_same_every_time(recordings, palette):
    recording = recordings["task_group"]
    svg = render.render_svg(recording, palette)
    assert render.render_svg(recording, palette) == svg
    text = svg.decode()
    assert "<dc:date>" not in text
    # Real text (svg.fonttype none), not glyph outlines: the lane labels are in it.
    for task in recording["tasks"]:
        assert f"{task['name']} · " in text
    assert 'fill="#ffffff"' not in text.lower()  # a transparent background


def test_the_palettes_differ_and_use_their_text_colour(recordings):
    light = render.render_svg(recordings["blocking"], "light").decode()
    dark = render.render_svg(recordings["blocking"], "dark").decode()
    assert light != dark
    assert render.TEXT["light"].lower() in light.lower()
    assert render.TEXT["dark"].lower() in dark.lower()


@pytest.mark.parametrize("palette", render.PALETTES)
def test_every_state_has_its_own_colour_and_hatch(palette):
    faces = [render.colours(state, palette)[0].lower() for state in render.STATES]
    hatches = [hatch for _, hatch, _, _ in render.STATES.values()]
    assert len(set(faces)) == len(faces)
    assert len(set(hatches)) == len(hatches)


@pytest.mark.parametrize("name", ["task_group", "blocking", "threads"])
def test_the_legend_names_the_states_drawn_and_no_others(recordings, name):
    recording = recordings[name]
    svg = render.render_svg(recording, "light").decode().lower()
    drawn = render.drawn_states(render.lanes(recording))
    assert {"running", "waiting", "returned"} <= drawn
    for state, (label, *_) in render.STATES.items():
        assert (label.lower() in svg) == (state in drawn), state
        assert (render.colours(state, "light")[0].lower() in svg) == (state in drawn)
    cut = render.CUT_LABEL.lower() in svg
    assert cut == any(lane["cuts"] for lane in render.lanes(recording))


def test_every_state_is_drawn_by_some_recording(recordings):
    drawn = set().union(
        *(render.drawn_states(render.lanes(r)) for r in recordings.values())
    )
    assert drawn == set(render.STATES)


def test_describe_mentions_every_lane_and_how_it_ended(recordings):
    text = render.describe(recordings["task_group"])
    assert text.startswith("Timeline of program.py over 2.0 s: four tasks, one lane")
    for task in recordings["task_group"]["tasks"]:
        assert f"{task['name']} · {task['call']}" in text
    assert "raises LookupError at 2.0 s" in text
    assert "is cancelled at 2.0 s" in text
    blocked = render.describe(recordings["blocking"])
    assert "is ready but not running from 1.0 s to 2.0 s, and returns" in blocked
    threads = render.describe(recordings["threads"])
    assert "thread job 3 · work() runs in a worker thread from 1.0 s" in threads


def test_an_unknown_palette_is_refused(recordings):
    with pytest.raises(ValueError, match="palette must be one of"):
        render.render_svg(recordings["task_group"], "sepia")
