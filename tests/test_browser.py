"""The built site in a real browser (Debian's chromium, driven by Playwright).

Every page is checked, so pages added later are covered without changes here.
Screenshots, the accessibility report and the page weights are written to
build/browser/ for a person to look at; nothing there is committed.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
from urllib.parse import urlsplit

import pytest

from fieldguide.browser import CHROMIUM, LAUNCH_ARGS, search
from fieldguide.examples import EXAMPLES, ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
REPORTS = ROOT / "build" / "browser"

if not CHROMIUM:
    pytest.skip(
        "browser tests skipped: no chromium "
        "(apt-get install chromium, or set CHROMIUM=/path/to/it)",
        allow_module_level=True,
    )
playwright = pytest.importorskip("playwright.sync_api")

# Budgets per page, first visit, nothing cached. The search index is counted
# apart: every page loads the same file, once, and it grows with the book
# (2026-11-21: about 500 KB of the home page's 645 KB; 2026-12-04, with Part
# II's case studies and testing chapter: 965 KB). A page's own bytes were then
# at most about 690 KB for a chapter (asyncio-vs-threading/) and 970 KB for
# the notebook page, whose JupyterLab styles are inline. Room to grow, but a
# page that doubles fails.
BUDGETS = {"requests": 15, "bytes": 1_200_000, "search_index_bytes": 1_500_000}


@pytest.fixture(scope="module")
def base_url(site):
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS
        )
        yield browser
        browser.close()


class Visit:
    """A page opened in a fresh context, with everything that went wrong recorded."""

    def __init__(self, browser, base_url, scheme="light", viewport=None):
        self.context = browser.new_context(
            color_scheme=scheme, viewport=viewport or {"width": 1280, "height": 800}
        )
        self.base = base_url
        self.problems: list[str] = []
        self.requests = []
        self.context.route("**/*", self._only_local)
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(f"error: {error}"))
        self.page.on("requestfailed", self._failed)
        self.page.on("request", lambda request: self.requests.append(request))
        self.page.on("response", self._response)

    def _only_local(self, route):
        host = urlsplit(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            route.continue_()
        else:
            self.problems.append(f"request to another host: {route.request.url}")
            route.abort()

    def _console(self, message):
        if message.type == "error":
            self.problems.append(f"console error: {message.text}")

    def _failed(self, request):
        # ERR_ABORTED: the browser dropped the request itself because the test
        # moved on to the next page (the favicon, typically); nothing failed.
        if "ERR_ABORTED" not in (request.failure or ""):
            self.problems.append(f"request failed: {request.url} ({request.failure})")

    def _response(self, response):
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def open(self, path=""):
        self.page.goto(self.base + path, wait_until="load")
        return self.page

    def weight(self):
        """Requests, the page's own bytes, and the bytes of the search index."""
        own = index = 0
        for request in self.requests:
            sizes = request.sizes()
            size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
            if request.url.endswith("search/search_index.json"):
                index += size
            else:
                own += size
        return len(self.requests), own, index

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser, base_url):
    visits = []

    def open_visit(**kwargs):
        visits.append(Visit(browser, base_url, **kwargs))
        return visits[-1]

    yield open_visit
    for v in visits:
        v.close()


def _pages(site) -> list[str]:
    return sorted(
        path.parent.relative_to(site).as_posix().removeprefix(".") + "/"
        for path in site.rglob("index.html")
        if path.relative_to(site).parts[0] not in {"search", "assets"}
    )


def test_every_page_loads_cleanly_and_only_from_this_server(site, visit):
    pages = _pages(site)
    assert "/" in pages, pages
    assert "definitions/" in pages, pages
    v = visit()
    for path in pages:
        v.open(path.lstrip("/"))
        # Pictures load lazily (the other palette's never loads on its own):
        # ask for every one, to prove each is there and loads.
        v.page.eval_on_selector_all(
            "article img[loading=lazy]",
            "imgs => imgs.forEach(i => i.loading = 'eager')",
        )
        v.page.wait_for_function(
            "() => [...document.querySelectorAll('article img')].every(i => i.complete)"
        )
        images = v.page.eval_on_selector_all(
            "article img",
            "imgs => imgs.map(i => [i.src, i.alt, i.complete && i.naturalWidth > 0])",
        )
        for src, alt, loaded in images:
            if not alt:
                v.problems.append(f"{path}: image without alt text: {src}")
            if not loaded:
                v.problems.append(f"{path}: image did not load: {src}")
    assert not v.problems, "\n".join(v.problems)


def test_search_finds_the_tasks_chapter(visit):
    v = visit()
    links = search(v.open(), "TaskGroup")
    assert any("/tasks/" in link for link in links), links


def test_copy_button_copies_the_code_without_section_markers(visit, base_url):
    v = visit()
    v.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page = v.open("definitions/")
    # The excerpt of tasks_run_at_the_same_time.py is cut out by section markers.
    block = page.locator(".example-code", has_text="tasks_run_at_the_same_time.py")
    block.locator("pre").first.hover()
    block.locator("button[data-md-type=copy]").first.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    program = (EXAMPLES / "definitions" / "tasks_run_at_the_same_time.py").read_text()
    assert "async def main():" in copied
    assert copied.strip() in program
    assert "--8<--" not in copied
    assert "[start:" not in copied


def test_every_output_is_in_view_under_its_code_and_has_no_copy_button(visit):
    v = visit()
    page = v.open("definitions/")
    codes, outputs = page.locator(".example-code"), page.locator(".example-output")
    assert codes.count() == outputs.count() > 0
    first_code, first_output = codes.first, outputs.first
    recorded = (EXAMPLES / "definitions" / "smallest_program.out").read_text()
    assert first_output.locator("pre").inner_text().strip() == recorded.strip()
    assert first_output.is_visible()
    assert "recorded" in first_output.locator(".filename").inner_text()
    # Directly beneath: the output starts where the code ends, give or take a
    # margin, and nothing else sits between them.
    code_box, output_box = first_code.bounding_box(), first_output.bounding_box()
    assert 0 <= output_box["y"] - (code_box["y"] + code_box["height"]) < 40
    assert first_output.locator("button[data-md-type=copy]").count() == 0
    assert first_code.locator("button[data-md-type=copy]").count() == 1


def test_the_longest_output_scrolls_within_a_bounded_height(visit):
    longest = max(EXAMPLES.glob("*/*.out"), key=lambda p: p.read_text().count("\n"))
    recorded = longest.read_text()
    v = visit()
    page = v.open(f"{longest.parent.name}/")
    code = page.locator(".example-output", has_text=recorded.splitlines()[0])
    code = code.first.locator("pre > code")
    shown, full, bound = code.evaluate(
        "c => [c.clientHeight, c.scrollHeight,"
        " parseFloat(getComputedStyle(c).maxHeight)]"
    )
    assert bound < page.viewport_size["height"] / 2, bound
    assert shown <= bound
    if full > bound:  # it scrolls: every line is there to scroll to, by keyboard too
        assert shown < full
        assert code.get_attribute("tabindex") == "0"
    assert code.inner_text().strip() == recorded.strip()


def test_a_timeline_fills_the_column_and_scrolls_sideways_on_a_phone(visit):
    shown = "img.timeline[src$='#only-light']"
    width = "i => [i.getBoundingClientRect().width, i.naturalWidth]"
    desktop = visit().open("why-asyncio/")
    picture = desktop.locator(shown).first
    picture.scroll_into_view_if_needed()
    picture.evaluate("i => i.decode()")
    column = desktop.locator("article").first.bounding_box()["width"]
    drawn, natural = picture.evaluate(width)
    assert column * 0.9 < drawn <= column, (drawn, column)

    phone = visit(viewport={"width": 390, "height": 844}).open("why-asyncio/")
    picture = phone.locator(shown).first
    picture.scroll_into_view_if_needed()
    picture.evaluate("i => i.decode()")
    drawn, natural = picture.evaluate(width)
    # Its own size (to a pixel), wider than the phone, so its words stay readable.
    assert abs(drawn - natural) < 1, (drawn, natural)
    assert natural > 390
    box = picture.locator("xpath=..")
    phone.wait_for_function(
        "i => i.parentElement.getAttribute('tabindex') === '0'",
        arg=picture.element_handle(),
    )
    assert box.evaluate("b => b.scrollWidth > b.clientWidth")
    assert box.get_attribute("aria-label") == "Picture, scrolls sideways"


def test_the_dark_palette_toggle_works_and_persists(visit):
    v = visit()
    page = v.open("definitions/")
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(scheme) == "default"
    page.locator("label[title='Switch to dark mode']").first.click()
    assert page.evaluate(scheme) == "slate"
    page.reload(wait_until="load")
    assert page.evaluate(scheme) == "slate"
    v.open("")  # another page keeps it too
    assert page.evaluate(scheme) == "slate"


@pytest.mark.skipif(not AXE.is_file(), reason="axe-core not installed: run `npm ci`")
def test_no_serious_accessibility_violations_in_either_palette(site, visit):
    report, serious = {}, []
    for scheme in ("light", "dark"):
        v = visit(scheme=scheme)
        for path in _pages(site):
            page = v.open(path.lstrip("/"))
            page.add_script_tag(path=str(AXE))
            found = page.evaluate(
                "async () => (await axe.run(document, {resultTypes: ['violations']}))"
                ".violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                " nodes: v.nodes.length}))"
            )
            report[f"{scheme} {path}"] = found
            serious += [
                f"{scheme} {path}: {item['id']} ({item['impact']}): {item['help']}"
                for item in found
                if item["impact"] in {"serious", "critical"}
            ]
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / "axe.json").write_text(json.dumps(report, indent=2))
    assert not serious, "\n".join(serious)


def test_page_weight_stays_within_budget(site, visit):
    """Requests and bytes for a first visit to each page (nothing cached)."""
    weights = {}
    for path in _pages(site):
        v = visit()
        v.open(path.lstrip("/"))
        weights[path] = dict(
            zip(("requests", "bytes", "search_index_bytes"), v.weight(), strict=True)
        )
    heaviest = max(weights, key=lambda path: weights[path]["bytes"])
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / "weights.json").write_text(
        json.dumps(
            {
                "home": weights["/"],
                "heaviest": {heaviest: weights[heaviest]},
                "all": weights,
            },
            indent=2,
        )
    )
    over = {
        path: weight
        for path, weight in weights.items()
        if any(weight[what] > most for what, most in BUDGETS.items())
    }
    assert not over, f"pages over the budget {BUDGETS}: {over}"


def test_screenshots(visit):
    """Home and a chapter, both palettes, desktop and phone, for a person to look at."""
    folder = REPORTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    sizes = {
        "desktop": {"width": 1280, "height": 900},
        "phone": {"width": 390, "height": 844},
    }
    for scheme in ("light", "dark"):
        for device, viewport in sizes.items():
            v = visit(scheme=scheme, viewport=viewport)
            for name, path in (("home", ""), ("definitions", "definitions/")):
                target = folder / f"{name}-{scheme}-{device}.png"
                v.open(path).screenshot(path=str(target))
                assert target.stat().st_size > 10_000
    assert len(list(folder.glob("*.png"))) >= 8
