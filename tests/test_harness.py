"""The example harness itself: each rule it enforces is shown to bite."""

from __future__ import annotations

import dataclasses
import signal
import sys
import textwrap
from pathlib import Path

import pytest

from fieldguide import pages, real_time
from fieldguide.examples import (
    ExampleError,
    ExampleTimeout,
    load_example,
    normalise,
    program_of,
    run_example,
)


def _program(tmp_path: Path, body: str, header: str = "") -> Path:
    path = tmp_path / "program.py"
    path.write_text(header + "import asyncio\n\n" + textwrap.dedent(body))
    return path


def _run(tmp_path, body, header=""):
    return run_example(load_example(_program(tmp_path, body, header)))


def test_sleeps_take_no_real_time_but_loop_time_advances(tmp_path):
    body = """
        async def main():
            loop = asyncio.get_running_loop()
            start = loop.time()
            await asyncio.sleep(3600)
            print(f"{loop.time() - start:.1f}")

        asyncio.run(main())
    """
    # An hour of sleeping inside a one-second limit: only virtual time allows it.
    example = dataclasses.replace(load_example(_program(tmp_path, body)), timeout=1.0)
    run = run_example(example)
    assert (run.stdout, run.stderr, run.returncode) == ("3600.0\n", "", 0)


def test_blocking_sleeps_and_every_clock_share_the_virtual_time(tmp_path):
    body = """
        import time

        async def main():
            loop = asyncio.get_running_loop()
            start, wall = time.perf_counter(), time.time()
            loop_start = loop.time()
            time.sleep(2)  # blocks the loop: debug mode reports it (see below)
            await asyncio.sleep(3)
            print(round(time.perf_counter() - start, 6), round(time.time() - wall, 6))
            print(round(loop.time() - loop_start, 6))

        asyncio.run(main())
    """
    example = dataclasses.replace(load_example(_program(tmp_path, body)), timeout=1.0)
    run = run_example(example)
    assert run.stdout == "5.0 5.0\n5.0\n"
    # Debug mode saw a 2-second callback: a real failure unless declared.
    assert "took 2.000 seconds" in run.stderr


def test_a_plain_synchronous_program_is_an_example_too(tmp_path):
    # No asyncio at all: a sequential lesson is the program a reader would write.
    path = tmp_path / "program.py"
    path.write_text(
        textwrap.dedent(
            """
            import time

            def main():
                start = time.perf_counter()
                time.sleep(30)
                print(f"{time.perf_counter() - start:.1f}")

            if __name__ == "__main__":
                main()
            """
        )
    )
    example = dataclasses.replace(load_example(path), timeout=2.0)
    run = run_example(example)
    assert (run.stdout, run.stderr, run.returncode) == ("30.0\n", "", 0)


def test_an_example_may_declare_that_it_blocks_the_loop(tmp_path):
    header = "# /// script\n# [tool.fieldguide]\n# blocks-the-loop = true\n# ///\n"
    body = """
        import time

        async def main():
            time.sleep(2)
            print("blocked for 2 s")

        asyncio.run(main())
    """
    run = _run(tmp_path, body, header)
    assert (run.stdout, run.stderr) == ("blocked for 2 s\n", "")


@pytest.mark.parametrize(("seconds", "reported"), [(0.2, False), (0.8, True)])
def test_in_real_time_only_a_long_block_is_reported(tmp_path, seconds, reported):
    # A busy machine can pause a real-time example for over debug mode's 0.1 s;
    # a block several times longer is still caught.
    header = "# /// script\n# [tool.fieldguide]\n# virtual-time = false\n# ///\n"
    body = f"""
        import time

        async def main():
            time.sleep({seconds})

        asyncio.run(main())
    """
    run = _run(tmp_path, body, header)
    assert ("Executing <Task" in run.stderr) is reported, run.stderr


def test_loops_made_by_a_loop_factory_run_in_virtual_time_too(tmp_path):
    body = """
        import selectors

        async def main():
            loop = asyncio.get_running_loop()
            start = loop.time()
            await asyncio.sleep(600)
            print(round(loop.time() - start, 6))

        factory = lambda: asyncio.SelectorEventLoop(selectors.SelectSelector())
        with asyncio.Runner(loop_factory=factory) as runner:
            runner.run(main())
    """
    example = dataclasses.replace(load_example(_program(tmp_path, body)), timeout=1.0)
    assert run_example(example).stdout == "600.0\n"


def test_the_loop_waits_for_executor_work_in_real_time(tmp_path):
    body = """
        import time

        async def main():
            loop = asyncio.get_running_loop()
            # The thread really sleeps; a virtual loop must not skip to the timeout.
            job = loop.run_in_executor(None, time.sleep, 0.3)
            await asyncio.wait_for(job, timeout=5)
            print("the job finished before its timeout")

        asyncio.run(main())
    """
    run = _run(tmp_path, body)
    assert (run.stdout, run.stderr) == ("the job finished before its timeout\n", "")


def test_virtual_time_can_be_switched_off_and_the_limit_then_bites(tmp_path):
    header = (
        "# /// script\n"
        "# [tool.fieldguide]\n"
        "# virtual-time = false\n"
        "# timeout = 0.5\n"
        "# ///\n"
    )
    body = """
        asyncio.run(asyncio.sleep(30))
    """
    with pytest.raises(
        ExampleTimeout, match=r"program\.py ran longer than its limit of 0\.5 s"
    ):
        _run(tmp_path, body, header)


def test_a_coroutine_never_awaited_is_reported(tmp_path):
    body = """
        async def forgotten():
            pass

        async def main():
            forgotten()

        asyncio.run(main())
    """
    run = _run(tmp_path, body)
    assert "coroutine 'forgotten' was never awaited" in run.stderr


def test_a_task_destroyed_while_pending_is_reported(tmp_path):
    body = """
        import gc

        async def main():
            loop = asyncio.get_running_loop()
            loop.create_task(asyncio.sleep(10))

        loop = asyncio.new_event_loop()
        loop.run_until_complete(main())
        loop.close()
        gc.collect()
    """
    run = _run(tmp_path, body)
    assert "Task was destroyed but it is pending" in run.stderr


def test_any_warning_is_an_error(tmp_path):
    body = """
        import warnings
        warnings.warn("careful", UserWarning)
        print("not reached")
    """
    run = _run(tmp_path, body)
    assert run.returncode != 0
    assert "UserWarning: careful" in run.stderr
    assert run.stdout == ""


def test_debug_mode_is_on(tmp_path):
    body = """
        async def main():
            print(asyncio.get_running_loop().get_debug())

        asyncio.run(main())
    """
    assert _run(tmp_path, body).stdout == "True\n"


@pytest.mark.parametrize(
    ("call", "verb"),
    [
        ("asyncio.open_connection('192.0.2.1', 80)", "connect('192.0.2.1')"),
        ("asyncio.open_connection('example.org', 80)", "getaddrinfo('example.org')"),
        ("asyncio.start_server(lambda r, w: None, '0.0.0.0', 0)", "bind('0.0.0.0')"),
    ],
)
def test_sockets_may_only_use_loopback(tmp_path, call, verb):
    body = f"""
        async def main():
            try:
                await {call}
            except OSError as error:  # asyncio re-raises some as plain OSError
                print(error)

        asyncio.run(main())
    """
    run = _run(tmp_path, body)
    assert f"refused {verb}" in run.stdout, run.stdout + run.stderr


def test_loopback_sockets_work(tmp_path):
    body = """
        async def main():
            async def echo(reader, writer):
                writer.write(await reader.readline())
                await writer.drain()
                writer.close()
                await writer.wait_closed()

            server = await asyncio.start_server(echo, "127.0.0.1", 0)
            port = server.sockets[0].getsockname()[1]
            async with server:
                reader, writer = await asyncio.open_connection("localhost", port)
                writer.write(b"ping\\n")
                print((await reader.readline()).decode().strip())
                writer.close()
                await writer.wait_closed()

        asyncio.run(main())
    """
    header = "# /// script\n# [tool.fieldguide]\n# virtual-time = false\n# ///\n"
    run = _run(tmp_path, body, header)
    assert (run.stdout, run.stderr) == ("ping\n", "")


def test_settings_come_from_the_script_block(tmp_path):
    header = (
        "# /// script\n"
        '# requires-python = ">=3.99"\n'
        "# [tool.fieldguide]\n"
        "# timeout = 3\n"
        "# exit-status = 130\n"
        "# ///\n"
    )
    example = load_example(_program(tmp_path, "", header))
    assert example.timeout == 3.0
    assert example.exit_status == 130
    assert load_example(_program(tmp_path, "")).exit_status == 0
    assert example.skip_reason("3.11.7") == "needs Python >=3.99, this is 3.11.7"
    assert example.skip_reason("3.99.0") is None


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ("# [tool.fieldguide]\n# colour = 'red'\n", "unknown .* setting"),
        ("# [tool.fieldguide]\n# timeout = -1\n", "timeout must be a positive number"),
        ("# [tool.fieldguide]\n# skip = ''\n", "skip must be a non-empty reason"),
        ("# [tool.fieldguide]\n# exit-status = '1'\n", "exit-status must be a whole"),
        ("# requires-python = 'soon'\n", "bad requires-python"),
        ("# requires-python = \n", "bad '# /// script' block"),
    ],
)
def test_bad_settings_are_rejected_with_the_file_named(tmp_path, settings, message):
    path = _program(tmp_path, "", "# /// script\n" + settings + "# ///\n")
    with pytest.raises(ExampleError, match=message) as caught:
        load_example(path)
    assert str(path) in str(caught.value)


def test_normalising_removes_only_addresses_and_paths(tmp_path):
    example = load_example(_program(tmp_path, ""))
    raw = f"<object at 0x7f3a2b1c9d80> in {tmp_path}/program.py, line 3, took 0x10 s"
    assert (
        normalise(raw, example) == "<object at 0x…> in program.py, line 3, took 0x10 s"
    )


@pytest.fixture
def book_examples(tmp_path, monkeypatch):
    """A one-example examples/ tree for the directive tests."""
    chapter = tmp_path / "examples" / "chapter"
    chapter.mkdir(parents=True)
    (chapter / "shown.py").write_text(
        "# --8<-- [start:part]\nprint('hi')\n# --8<-- [end:part]\n"
    )
    (chapter / "shown.out").write_text("hi\n")
    (chapter / "unrecorded.py").write_text("print('hi')\n")
    monkeypatch.setattr(pages, "EXAMPLES", tmp_path / "examples")


def test_a_directive_becomes_its_code_with_the_output_beneath(book_examples):
    expanded = pages.expand(
        '    {{ example("chapter/shown.py", "part") }}\n', Path("p.md")
    )
    title = "examples/chapter/shown.py (excerpt)"
    assert expanded.splitlines() == [
        f'    ``` {{ .python .example-code title="{title}" linenums="2" }}',
        '    --8<-- "chapter/shown.py:part"',
        "    ```",
        "",
        f'    ``` {{ .text .example-output .no-copy title="{pages.OUTPUT_TITLE}" }}',
        '    --8<-- "chapter/shown.out"',
        "    ```",
    ]


def test_output_false_shows_the_code_alone(book_examples):
    expanded = pages.expand(
        '{{ example("chapter/shown.py", "part", output=False) }}\n', Path("p.md")
    )
    assert '--8<-- "chapter/shown.py:part"' in expanded
    assert "example-output" not in expanded
    assert "shown.out" not in expanded


@pytest.mark.parametrize(
    ("directive", "message"),
    [
        (
            '{{ example("chapter/missing.py") }}',
            "no example examples/chapter/missing.py",
        ),
        (
            '{{ example("chapter/unrecorded.py") }}',
            "unrecorded.py has no recorded output",
        ),
        ('{{ example("chapter/shown.py", "nope") }}', "shown.py has no section 'nope'"),
        ("{{ example(chapter) }}", "cannot read example"),
        ('{{ example("chapter/shown.py", title="x") }}', "has the wrong arguments"),
        ('{{ example("chapter/shown.py", output="no") }}', "has the wrong arguments"),
    ],
)
def test_a_bad_directive_names_the_page_line_and_file(
    book_examples, directive, message
):
    with pytest.raises(pages.DirectiveError, match="^docs/page.md:2: .*" + message):
        pages.expand("# Title\n" + directive + "\n", Path("docs/page.md"))


def test_each_example_links_to_its_file_in_the_repository(book_examples):
    expanded = pages.expand(
        '{{ example("chapter/shown.py") }}\n', Path("p.md"), "https://git.example/book"
    )
    last = expanded.splitlines()[-1]
    assert "(https://git.example/book/blob/main/examples/chapter/shown.py)" in last
    assert "(https://git.example/book/edit/main/examples/chapter/shown.py)" in last


def test_a_whole_file_listing_starts_after_the_settings_block(book_examples):
    program = pages.EXAMPLES / "chapter" / "shown.py"
    program.write_text(
        "# /// script\n# [tool.fieldguide]\n# timeout = 3\n# ///\n\nimport asyncio\n"
    )
    expanded = pages.expand('{{ example("chapter/shown.py") }}\n', Path("p.md"))
    assert '--8<-- "chapter/shown.py:6:"' in expanded.splitlines()


def test_record_stderr_runs_as_a_reader_would_and_keeps_the_order(tmp_path):
    header = "# /// script\n# [tool.fieldguide]\n# record-stderr = true\n# ///\n"
    body = """
        async def greet():
            pass

        async def main():
            print("before")
            greet()
            print("after")

        asyncio.run(main())
    """
    run = _run(tmp_path, body, header)
    lines = run.stdout.splitlines()
    assert lines[0] == "before"
    assert lines[1] == (
        "program.py:13: RuntimeWarning: coroutine 'greet' was never awaited"
    )
    assert lines[-1] == "after"
    assert (run.stderr, run.returncode) == ("", 0)


def test_an_example_started_with_ctrl_c_ignored_gets_the_default_handler(tmp_path):
    body = """
        import signal
        print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
    """
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # as in a background job
    try:
        run = _run(tmp_path, body)
    finally:
        signal.signal(signal.SIGINT, previous)
    assert (run.stdout, run.stderr) == ("True\n", "")


def test_the_real_time_check_reports_what_only_virtual_time_prints(tmp_path):
    # Computing takes no virtual time but does take real time, so this prints
    # False in the suite and True when a reader runs it.
    body = """
        import time

        start = time.perf_counter()
        sum(range(5_000_000))
        print(time.perf_counter() - start > 0.001)
        """
    path = _program(tmp_path, body)
    path.with_suffix(".out").write_text(_run(tmp_path, body).stdout)
    assert path.with_suffix(".out").read_text() == "False\n"
    report = real_time.check(load_example(path), sys.executable)
    assert report is not None
    assert "+True" in report
    path.with_suffix(".out").write_text("True\n")
    assert real_time.check(load_example(path), sys.executable) is None


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--jobs", "0"], "--jobs must be at least 1, not 0"),
        (["--example", "nowhere/none.py"], "no example examples/nowhere/none.py"),
        (["--python", "/no/such/python"], "no Python at /no/such/python"),
    ],
)
def test_the_real_time_check_refuses_bad_arguments(arguments, message, capsys):
    with pytest.raises(SystemExit) as stopped:
        real_time.main(arguments)
    assert stopped.value.code == 2
    assert message in capsys.readouterr().err


def test_a_lesson_about_versions_records_and_shows_each_versions_output(
    book_examples, tmp_path
):
    chapter = tmp_path / "examples" / "chapter"
    program = chapter / "by_version.py"
    program.write_text(
        "# /// script\n# requires-python = '>=3.12'\n# [tool.fieldguide]\n"
        "# output-per-version = true\n# ///\nprint('hi')\n"
    )
    example = load_example(program)
    # Each version has its own file; 3.11 is outside requires-python.
    assert example.output_path_for("3.13.0").name == "by_version.3.13.out"
    assert list(example.recorded_outputs()) == ["3.12", "3.13"]
    assert program_of(chapter / "by_version.3.12.out") == program
    assert program_of(chapter / "shown.out") == chapter / "shown.py"
    # A page names the missing one, then shows one tab per version.
    with pytest.raises(pages.DirectiveError, match=r"by_version\.3\.12\.out"):
        pages.expand('{{ example("chapter/by_version.py") }}\n', Path("p.md"))
    for version in ("3.12", "3.13"):
        (chapter / f"by_version.{version}.out").write_text(f"hi from {version}\n")
    expanded = pages.expand('{{ example("chapter/by_version.py") }}\n', Path("p.md"))
    assert '=== "Python 3.12"' in expanded
    assert '    --8<-- "chapter/by_version.3.13.out"' in expanded
    assert "by_version.out" not in expanded
