"""Browser fixtures: Debian's Chromium through Playwright, a live server on the test's app, pages at a phone
(390×844) and a desktop (1440×900) size, and a full-page screenshot of every open page when a test fails.

- ``page``: runs the test twice, once per viewport (``page.viewport_name`` says which);
  ``phone`` / ``desktop``: one size only.
- Every page collects console errors, page errors, failed requests and 4xx/5xx answers in
  ``page.problems``.
- Screenshots go to ``$BROWSER_ARTIFACTS`` (default ``test-artifacts/browser`` in the checkout) as
  ``<test>_<viewport>.png``; with ``BROWSER_SCREENSHOTS=always`` every test leaves them, to look at.

Helpers (log_in, fits_the_screen, smallest_chart_text) are in tests/browser/helpers.py.
Skipped when /usr/bin/chromium is absent, unless REQUIRE_BROWSER=1 (then it fails).
"""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tests.browser.helpers import ARTIFACTS
from tests.e2e.dashboard_seed import county  # noqa: F401 (fixture)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1440, "height": 900}}

if not CHROMIUM.exists():
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail("REQUIRE_BROWSER=1 but /usr/bin/chromium is missing (apt-get install -y chromium)", pytrace=False)
    pytest.skip("no /usr/bin/chromium (set REQUIRE_BROWSER=1 to make this a failure)", allow_module_level=True)

from playwright.sync_api import sync_playwright  # noqa: E402


@pytest.fixture
def server(app, county):
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    thread.join(5)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _open(request, browser, name: str):
    context = browser.new_context(viewport=VIEWPORTS[name], locale="zh-CN")
    tab = context.new_page()
    tab.viewport_name = name
    tab.problems = []
    tab.on("console", lambda msg: msg.type == "error" and tab.problems.append(f"console: {msg.text}"))
    tab.on("pageerror", lambda error: tab.problems.append(f"page error: {error}"))
    # a request the page itself dropped by moving on (a lazy thumbnail when a link is clicked) is no problem
    tab.on(
        "requestfailed",
        lambda req: req.failure != "net::ERR_ABORTED" and tab.problems.append(f"failed: {req.url} {req.failure}"),
    )
    tab.on("response", lambda r: r.status >= 400 and tab.problems.append(f"{r.status}: {r.url}"))
    request.node.__dict__.setdefault("browser_pages", []).append(tab)
    return context, tab


@pytest.fixture(params=list(VIEWPORTS))
def page(request, browser):
    """The test runs once at each viewport."""
    context, tab = _open(request, browser, request.param)
    yield tab
    context.close()


@pytest.fixture
def phone(request, browser):
    context, tab = _open(request, browser, "phone")
    yield tab
    context.close()


@pytest.fixture
def desktop(request, browser):
    context, tab = _open(request, browser, "desktop")
    yield tab
    context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A screenshot of every page the test opened, when it failed (or always, with BROWSER_SCREENSHOTS=always)."""
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not (report.failed or os.environ.get("BROWSER_SCREENSHOTS") == "always"):
        return
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    stem = re.sub(r"[^\w.-]+", "_", item.name).strip("_")  # test_x[phone] -> test_x_phone
    for tab in item.__dict__.get("browser_pages", []):
        path = ARTIFACTS / (f"{stem}.png" if stem.endswith(tab.viewport_name) else f"{stem}-{tab.viewport_name}.png")
        try:
            tab.screenshot(path=str(path), full_page=True)
        except Exception as error:  # noqa: BLE001 - a closed page must not hide the test's own failure
            report.sections.append(("screenshot", f"{path}: {error}"))
        else:
            report.sections.append(("screenshot", str(path)))
