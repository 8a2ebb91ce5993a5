"""Draw a recording as a timeline (SVG) and describe it in words (alt text).

One lane per task, and one per job handed to a thread pool, top to bottom in
the order they were created; time runs left to right in the example's own
seconds. A lane is made of spans in six states, each with its own colour *and*
hatch (so it reads in grayscale and for colour-blind readers; the colours are
from Okabe and Ito's palette), followed by a mark for how it ended:

* **running**: the loop is running one of its steps (in virtual time a step
  takes no time unless it blocks, so a step is drawn at least a few pixels wide);
* **waiting**: suspended in an ``await``, labelled with what it waits on when
  the span is wide enough;
* **ready**: what it waited for has happened (or it was just created), but the
  loop has not resumed it yet, because something else holds the loop;
* **in a thread**: a job running in a worker thread;
* the end: **returned**, **raised** (with the exception's name) or
  **cancelled**.

:func:`render_svg` output is byte-for-byte the same for the same recording.
"""

from __future__ import annotations

import io

from fieldguide.plot_style import svg_style

PALETTES = ("light", "dark")

# state: (label in the legend, hatch, light (face, edge), dark (face, edge))
STATES = {
    "running": ("running a step", "", ("#0072B2", "#0072B2"), ("#56A9E0", "#56A9E0")),
    "waiting": (
        "waiting (on what it awaits)",
        "///",
        ("#D3ECFA", "#3B9AD6"),
        ("#1B3A4E", "#56B4E9"),
    ),
    "ready": (
        "ready, not running",
        "xxx",
        ("#FBE3AE", "#B07A00"),
        ("#4A3708", "#E69F00"),
    ),
    "thread": (
        "in a worker thread",
        "|||",
        ("#F3CFE3", "#A84D80"),
        ("#45263A", "#CC79A7"),
    ),
    "returned": ("returned", "+++", ("#009E73", "#00563F"), ("#009E73", "#7FE0C2")),
    "raised": (
        "raised an exception",
        "\\\\\\",
        ("#D55E00", "#6E3000"),
        ("#D55E00", "#FFB27A"),
    ),
    "cancelled": ("cancelled", "---", ("#F0E442", "#6B6500"), ("#C9BD1C", "#FFF8A8")),
}
TEXT = {"light": "#1F2328", "dark": "#E6EDF3"}
GRID = {"light": "#D0D7DE", "dark": "#3D444D"}
_END_STATES = {"returned", "raised", "cancelled"}
_WIDTH = 7.0  # inches


def colours(state: str, palette: str) -> tuple[str, str]:
    """(face, edge) of a state in a palette; the hatch is drawn in the edge colour."""
    light, dark = STATES[state][2], STATES[state][3]
    return light if palette == "light" else dark


# -- spans -------------------------------------------------------------------------


def lanes(recording: dict) -> list[dict]:
    """Every lane as {"label", "spans": [(state, start, end, text)], "end"}."""
    duration = recording["duration"]
    found = []
    for task in recording["tasks"]:
        spans = []
        waits = list(task["waits"])
        previous_end = None
        for index, step in enumerate(task["steps"]):
            if index == 0 and step["start"] > task["created"]:
                spans.append(("ready", task["created"], step["start"], ""))
            elif index > 0:
                wait = waits[index - 1] if index - 1 < len(waits) else None
                if wait is not None:
                    until = wait["until"]
                    spans.append(("waiting", wait["start"], until, wait["label"]))
                    if step["start"] > until:
                        spans.append(("ready", until, step["start"], ""))
                elif step["start"] > previous_end:
                    spans.append(("ready", previous_end, step["start"], ""))
            spans.append(("running", step["start"], step["end"], ""))
            previous_end = step["end"]
        if len(waits) >= len(task["steps"]) and waits:  # still waiting at the end
            last = waits[-1]
            spans.append(
                ("waiting", last["start"], last["until"] or duration, last["label"])
            )
        end = task["end"]
        found.append(
            {
                "name": task["name"],
                "label": _lane_label(task),
                "spans": spans,
                "end": end,
                "task": task,
                # Waits cut short: by a cancellation, which a timeout is too.
                "cuts": [w["until"] for w in waits if w["interrupted"] and w["until"]],
            }
        )
    for number, job in enumerate(recording["threads"], start=1):
        spans = []
        started = job["started"]
        if started is None:
            spans.append(("ready", job["submitted"], duration, ""))
        else:
            if started > job["submitted"]:
                spans.append(("ready", job["submitted"], started, "waits for a worker"))
            ended = duration if job["ended"] is None else job["ended"]
            spans.append(("thread", started, ended, f"{job['name']}()"))
        end = (
            {
                "at": job["ended"],
                "outcome": job["outcome"],
                "exception": job["exception"],
            }
            if job["ended"] is not None
            else {"at": duration, "outcome": "pending"}
        )
        found.append(
            {
                "name": f"thread job {number}",
                "label": f"thread job {number} · {job['name']}()",
                "spans": spans,
                "end": end,
                "job": job,
                "cuts": [],
            }
        )
    return found


def _lane_label(task: dict) -> str:
    call = task.get("call") or f"{task['coroutine']}()"
    if len(call) > 26:  # keep whole arguments, and show that some are left out
        head = call[:24].rpartition(", ")[0]
        call = f"{head}, …)" if head else call[: call.index("(") + 1] + "…)"
    return f"{task['name']} · {call}"


# -- the picture --------------------------------------------------------------------


def render_svg(recording: dict, palette: str) -> bytes:
    """The timeline as SVG for the light or the dark colour scheme."""
    return _save(recording, palette, format="svg", metadata={"Date": None})


def render_png(recording: dict, palette: str, dpi: int = 110) -> bytes:
    """The same picture as PNG, for looking at it while working on this module."""
    face = "#FFFFFF" if palette == "light" else "#1E2129"
    return _save(recording, palette, format="png", dpi=dpi, facecolor=face)


def _save(recording: dict, palette: str, **options) -> bytes:
    from matplotlib import rc_context

    if palette not in PALETTES:
        raise ValueError(f"palette must be one of {PALETTES}, not {palette!r}")
    # Saved inside the style too: the SVG's ids come from svg.hashsalt.
    with rc_context(_style(palette)):
        figure = _figure(recording, palette)
        buffer = io.BytesIO()
        figure.savefig(buffer, **options)
    return buffer.getvalue()


def _style(palette: str) -> dict:
    style = svg_style(
        TEXT[palette], GRID[palette], salt="fieldguide-timeline", font_size=9
    )
    return {**style, "font.family": "DejaVu Sans", "hatch.linewidth": 0.8}


def _figure(recording: dict, palette: str):
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch, Rectangle

    found = lanes(recording)
    duration = max(recording["duration"], 1e-3)
    height = 1.15 + 0.36 * max(len(found), 1)
    figure = Figure(figsize=(_WIDTH, height), layout="constrained")
    axes = figure.add_subplot()
    # Room on the right for the end marks and the exceptions' names.
    plot_width = _WIDTH * 0.68  # inches left for the plot beside the labels
    right = duration
    for lane in found:
        end = lane["end"]
        text = end.get("exception") or ""
        if end["outcome"] not in _END_STATES:
            text = "still pending" if end["outcome"] == "pending" else end["outcome"]
        inches = 0.15 + 0.062 * len(text)  # the mark, then the text
        right = max(right, end["at"] / max(1 - inches / plot_width, 0.3))
    right = max(right * 1.02, 1e-3)
    axes.set_xlim(0, right)
    axes.set_ylim(len(found) - 0.4, -0.6)
    per_inch = right / plot_width
    min_width = 0.045 * per_inch  # a step is at least this wide (data units)
    char = 0.062 * per_inch  # rough width of one 8-point character
    for row, lane in enumerate(found):
        for state, start, end, text in lane["spans"]:
            width = end - start
            if state == "running":
                width = max(width, min_width)
            elif width <= 0:
                continue
            face, edge = colours(state, palette)
            axes.add_patch(
                Rectangle(
                    (start, row - 0.3),
                    width,
                    0.6,
                    facecolor=face,
                    edgecolor=edge,
                    hatch=STATES[state][1] or None,
                    linewidth=0.8,
                    zorder=3 if state == "running" else 2,
                )
            )
            if text and len(text) * char + 2 * min_width < width:
                axes.text(
                    start + min_width * 1.3,
                    row,
                    text,
                    va="center",
                    ha="left",
                    fontsize=8,
                    zorder=4,
                    bbox={
                        "boxstyle": "round,pad=0.15",
                        "facecolor": face,
                        "edgecolor": "none",
                    },
                )
        _end_mark(axes, lane["end"], row, palette, min_width, Rectangle)
        for at in lane["cuts"]:
            axes.plot(at, row, **_cut_style(palette), zorder=5)
    orders = same_instant_orders(found)
    for (at, row), ranks in orders.items():
        axes.text(
            at,
            row - 0.33,
            ",".join(map(str, ranks)),
            va="bottom",
            ha="center",
            fontsize=7.5,
            zorder=5,
        )
    axes.set_yticks(range(len(found)), [lane["label"] for lane in found])
    axes.tick_params(axis="y", length=0)
    axes.set_xlabel(
        "seconds since the program started"
        + ("  (1, 2, 3: the order of steps at one instant)" if orders else "")
    )
    axes.grid(axis="x", linewidth=0.6)
    axes.set_axisbelow(True)
    axes.spines[["top", "right", "left"]].set_visible(False)
    handles = [
        Patch(
            facecolor=colours(state, palette)[0],
            edgecolor=colours(state, palette)[1],
            hatch=hatch or None,
            label=label,
        )
        for state, (label, hatch, _, _) in STATES.items()
        if state in drawn_states(found)
    ]
    if any(lane["cuts"] for lane in found):
        from matplotlib.lines import Line2D

        handles.append(
            Line2D([], [], linestyle="none", label=CUT_LABEL, **_cut_style(palette))
        )
    figure.legend(
        handles=handles,
        loc="outside lower center",
        ncols=4,
        fontsize=8,
        handlelength=2.2,
        handleheight=1.1,
        columnspacing=1.2,
    )
    return figure


CUT_LABEL = "a wait that ended in CancelledError"


def drawn_states(found: list[dict]) -> set[str]:
    """The states a picture shows: its legend names these and no others."""
    states = {span[0] for lane in found for span in lane["spans"]}
    return states | {lane["end"]["outcome"] for lane in found}


def same_instant_orders(found: list[dict]) -> dict[tuple[float, int], list[int]]:
    """{(instant, row): ranks} where steps of several lanes start at one instant.

    A step in virtual time takes no time, so steps at one instant would hide
    the order the loop ran them in (who runs first after create_task(), which
    waiter wakes first); the picture numbers them 1, 2, 3 at that instant.
    """
    by_instant: dict[float, list[tuple[int, int]]] = {}
    for row, lane in enumerate(found):
        for step in lane.get("task", {}).get("steps", []):
            by_instant.setdefault(step["start"], []).append((step["number"], row))
    orders: dict[tuple[float, int], list[int]] = {}
    for at, steps in by_instant.items():
        if len({row for _, row in steps}) < 2:
            continue
        for rank, (_, row) in enumerate(sorted(steps), start=1):
            orders.setdefault((at, row), []).append(rank)
    return orders


def _cut_style(palette: str) -> dict:
    """A wait cut short: a cross in the text's colour, ringed in the page's."""
    page = "#FFFFFF" if palette == "light" else "#1E2129"
    return {
        "marker": "X",
        "markersize": 9,
        "markerfacecolor": TEXT[palette],
        "markeredgecolor": page,
        "markeredgewidth": 1.0,
    }


def _end_mark(axes, end: dict, row: int, palette: str, width: float, Rectangle) -> None:
    outcome = end["outcome"]
    at = end["at"]
    if outcome in _END_STATES:
        face, edge = colours(outcome, palette)
        axes.add_patch(
            Rectangle(
                (at + width * 0.4, row - 0.3),
                width * 1.6,
                0.6,
                facecolor=face,
                edgecolor=edge,
                hatch=STATES[outcome][1],
                linewidth=0.8,
                zorder=3,
            )
        )
        if outcome == "raised" and end.get("exception"):
            axes.text(
                at + width * 2.4,
                row,
                end["exception"],
                va="center",
                ha="left",
                fontsize=8,
            )
    else:
        axes.text(
            at + width * 0.4,
            row,
            "still pending" if outcome == "pending" else outcome,
            va="center",
            ha="left",
            fontsize=8,
            style="italic",
        )


# -- the words -------------------------------------------------------------------------

_NUMBERS = [
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
]


def _count(n: int, noun: str) -> str:
    word = _NUMBERS[n] if n < len(_NUMBERS) else str(n)
    return f"{word} {noun}{'' if n == 1 else 's'}"


def _s(seconds: float) -> str:
    text = f"{seconds:.3f}".rstrip("0")
    return f"{text}0 s" if text.endswith(".") else f"{text} s"


def describe(recording: dict) -> str:
    """Alt text: what the picture shows, then each lane's story in a sentence."""
    found = lanes(recording)
    tasks = [lane for lane in found if "task" in lane]
    jobs = [lane for lane in found if "job" in lane]
    where = recording.get("example", "an example")
    parts = [_count(len(tasks), "task")]
    if jobs:
        parts.append(_count(len(jobs), "thread job"))
    sentences = [
        f"Timeline of {where} over {_s(recording['duration'])}: "
        f"{' and '.join(parts)}, "
        + ("one lane each." if len(found) > 1 else "on one lane.")
    ]
    sentences += [_lane_sentence(lane) for lane in found]
    sentences += _order_sentences(found)
    return " ".join(sentences)


def _order_sentences(found: list[dict], most: int = 4) -> list[str]:
    """The order of the steps at the first few instants that have several."""
    by_instant: dict[float, list[tuple[int, str]]] = {}
    for (at, row), ranks in same_instant_orders(found).items():
        for rank in ranks:
            by_instant.setdefault(at, []).append((rank, found[row]["name"]))
    sentences = []
    for at in sorted(by_instant)[:most]:
        names = [name for _, name in sorted(by_instant[at])]
        sentences.append(
            f"At {_s(at)} the loop runs these steps in turn: {', '.join(names)}."
        )
    return sentences


def _lane_sentence(lane: dict) -> str:
    spans = lane["spans"]
    what = []
    if "task" in lane:
        steps = [s for s in spans if s[0] == "running"]
        what.append(f"{lane['label']} runs {_count(len(steps), 'step')}")
        end_time = lane["end"]["at"]
        waits = [
            (
                w["label"],
                w["start"],
                end_time if w["until"] is None else w["until"],
                " (ended in CancelledError)" if w["interrupted"] else "",
            )
            for w in lane["task"]["waits"]
        ]
        if 0 < len(waits) <= 3:
            what += [
                f"waits on {text} from {_s(a)} to {_s(b)}{cut}"
                for text, a, b, cut in waits
            ]
        elif waits:
            labels = [wait[0] for wait in waits]
            common = max(sorted(set(labels)), key=labels.count)
            what.append(f"waits {len(waits)} times, mostly on {common}")
        # In virtual time a step takes time only when it blocks the loop.
        what += [
            f"then holds the loop in one step from {_s(a)} to {_s(b)}"
            for _, a, b, _ in steps
            if b > a
        ]
    else:
        job = lane["job"]
        where = f"from {_s(job['started'])}" if job["started"] is not None else ""
        what.append(f"{lane['label']} runs in a worker thread {where}".rstrip())
    ready = [(a, b) for state, a, b, _ in spans if state == "ready" and b > a]
    if ready:
        total = sum(b - a for a, b in ready)
        longest = max(ready, key=lambda span: span[1] - span[0])
        if len(ready) == 1:
            what.append(
                f"is ready but not running from {_s(longest[0])} to {_s(longest[1])}"
            )
        else:
            what.append(
                f"is ready but not running for {_s(total)} in all "
                f"(longest {_s(longest[0])} to {_s(longest[1])})"
            )
    end = lane["end"]
    outcome = end["outcome"]
    if outcome == "returned":
        what.append(f"returns at {_s(end['at'])}")
    elif outcome == "raised":
        what.append(
            f"raises {end.get('exception') or 'an exception'} at {_s(end['at'])}"
        )
    elif outcome == "cancelled":
        what.append(f"is cancelled at {_s(end['at'])}")
    elif outcome == "pending":
        what.append("is still pending at the end")
    else:  # destroyed pending: garbage-collected before it finished
        what.append(f"is destroyed while still pending at {_s(end['at'])}")
    if len(what) > 2:
        return ", ".join(what[:-1]) + ", and " + what[-1] + "."
    return " and ".join(what) + "."
