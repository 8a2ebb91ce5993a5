"""The matplotlib settings every SVG picture in the book is drawn with."""

from __future__ import annotations


def svg_style(text: str, grid: str, *, salt: str, font_size: float) -> dict:
    """matplotlib rc settings for a transparent SVG with real, coloured text.

    ``salt`` seeds the ids matplotlib writes into the SVG, so the same picture
    gives the same bytes every time.
    """
    return {
        "svg.fonttype": "none",  # real text: small, sharp and searchable
        "svg.hashsalt": salt,
        "font.size": font_size,
        "text.color": text,
        "axes.labelcolor": text,
        "axes.edgecolor": grid,
        "xtick.color": text,
        "ytick.color": text,
        "grid.color": grid,
        "axes.facecolor": "none",
        "figure.facecolor": "none",
        "savefig.facecolor": "none",
        "legend.frameon": False,
    }
