"""What the browser tests share: where chromium is, how to start it, how to search.

Playwright drives Debian's chromium (Playwright's own browser download does not
work on the book's machines), with the flags that keep it off the network.
"""

from __future__ import annotations

import os
import shutil

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def search(page, term: str) -> list[str]:
    """Type ``term`` into the site's search box; the addresses of the results."""
    page.click("input.md-search__input")
    page.keyboard.type(term)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=10_000)
    return results.evaluate_all("links => links.map(a => a.href)")
