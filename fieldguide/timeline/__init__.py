"""Timelines of what the event loop did with each task while an example ran.

* :mod:`fieldguide.timeline.recorder` records (the runner installs it when
  ``FIELDGUIDE_TIMELINE`` is set);
* :mod:`fieldguide.timeline.render` draws a recording as SVG and describes it
  in words (alt text);
* ``python -m fieldguide.timeline EXAMPLE.py --output DIR`` does both.
"""


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
