"""Timelines of what the event loop did with each task while an example ran.

* :mod:`fieldguide.timeline.recorder` records (the runner installs it when
  ``FIELDGUIDE_TIMELINE`` is set);
* :mod:`fieldguide.timeline.render` draws a recording as SVG and describes it
  in words (alt text);
* ``python -m fieldguide.timeline EXAMPLE.py --output DIR`` does both.

The recording (schema ``fieldguide-timeline/1``) is plain JSON. Every time is
in seconds of the example's virtual clock since the program started, rounded
to the microsecond, so a run gives the same bytes every time and on every
Python the book supports (unless asyncio itself behaves differently there)::

    {
      "example": "tasks/gather_collects_results.py",
      "schema": "fieldguide-timeline/1",
      "duration": 3.0,            # when the program ended
      "tasks": [                  # in the order the loop first saw them
        {
          "name": "Task-2",       # task.get_name()
          "coroutine": "fetch",   # the coroutine's __qualname__
          "call": "fetch('home', 3)",  # its arguments, if plain (else …)
          "created": 0.0,
          "steps": [              # each step the loop gave it
            {"ready": 0.0, "start": 0.0, "end": 0.0, "number": 2}
          ],                      # ready: when it could have run (see below)
          "waits": [              # waits[i] follows steps[i]
            {"start": 0.0, "on": "sleep", "label": "sleep 3 s",
             "interrupted": false, "until": 3.0}
          ],
          "end": {"at": 3.0, "outcome": "returned"}
        }
      ],
      "threads": [                # jobs handed to a thread pool
        {"name": "blocking_lookup", "submitted": 0.0, "started": 0.0,
         "ended": 0.3, "outcome": "returned", "exception": null,
         "task": "Task-3"}        # the task that handed it over
      ]
    }

* ``waits[i].until`` is when the task became ready again (what it awaited
  completed, or it was cancelled: then ``interrupted`` is true); the next
  step's ``start`` is when the loop actually resumed it. A gap between the two
  is time spent ready but not running. ``until`` is null for a wait still open
  when the program ended.
* ``number`` rises with each step of the whole program in the order the steps
  started, which orders steps that start at one instant (the picture numbers
  them 1, 2, 3 there); only its order means anything.
* ``on`` is one of ``sleep``, ``yield`` (``sleep(0)``), ``task``, ``tasks``
  (gather, wait, as_completed, wait_for, TaskGroup), ``sync`` (a lock, event,
  condition, semaphore, barrier or queue), ``io``, ``thread``, ``future``,
  ``other``; ``label`` says it in a few words (``Queue.get``, ``task Task-3``).
* ``end.outcome`` is ``returned``, ``raised`` (with ``exception``: the type's
  name), ``cancelled``, ``pending`` (still pending when the program ended) or
  ``destroyed pending`` (garbage-collected while pending).
* A thread job's ``outcome`` is ``returned``, ``raised`` or ``pending``.
"""

import re

# An object holding no other object goes on one line, so a diff reads well.
_FLAT_OBJECT = re.compile(r"\{\n\s+([^{}\[\]]*?)\n\s*\}")


def to_json(recording: dict) -> str:
    """The recording as the JSON text stored in the repository (stable bytes)."""
    import json

    text = json.dumps(recording, indent=1, ensure_ascii=False)

    def one_line(match: re.Match) -> str:
        return "{" + " ".join(part.strip() for part in match[1].splitlines()) + "}"

    return _FLAT_OBJECT.sub(one_line, text) + "\n"


def render_svg(recording: dict, palette: str) -> bytes:
    """The recording drawn as SVG, for the "light" or the "dark" palette."""
    from fieldguide.timeline.render import render_svg

    return render_svg(recording, palette)


def describe(recording: dict) -> str:
    """Alt text for the picture: what it shows, lane by lane."""
    from fieldguide.timeline.render import describe

    return describe(recording)


def record(path, python=None) -> dict:
    """Run an example with the recorder and return its recording."""
    import sys

    from fieldguide.timeline.command import record

    return record(path, python=python or sys.executable)
