"""The pitfalls chapter shows each mistake broken, then fixed, both run by the tests."""

from __future__ import annotations

from fieldguide import pages
from fieldguide.examples import DOCS, EXAMPLES, ROOT

PAGE = DOCS / "pitfalls" / "index.md"


def test_every_broken_program_has_its_fixed_twin_and_the_page_shows_both():
    programs = {path.name for path in (EXAMPLES / "pitfalls").glob("*.py")}
    broken = sorted(name for name in programs if name.endswith("_broken.py"))
    fixed = sorted(name for name in programs if name.endswith("_fixed.py"))
    assert [n.removesuffix("_broken.py") for n in broken] == [
        n.removesuffix("_fixed.py") for n in fixed
    ], "each <mistake>_broken.py needs a <mistake>_fixed.py, and the other way round"
    assert len(broken) >= 14, f"{len(broken)} pairs; the chapter promises 14"
    markdown = PAGE.read_text(encoding="utf-8")
    shown = {d.name for d in pages.find_directives(markdown, PAGE.relative_to(ROOT))}
    missing = sorted({f"pitfalls/{n}" for n in broken + fixed} - shown)
    assert not missing, f"not on the page: {missing}"


def test_each_broken_program_comes_before_its_fix_on_the_page():
    markdown = PAGE.read_text(encoding="utf-8")
    order = [d.name for d in pages.find_directives(markdown, PAGE.relative_to(ROOT))]
    for name in order:
        if name.endswith("_broken.py"):
            twin = name.removesuffix("_broken.py") + "_fixed.py"
            assert order.index(name) < order.index(twin), f"{twin} is shown first"
