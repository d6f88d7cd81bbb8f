"""What the browser tests share: logging in, and checks every page should pass on any screen."""

from __future__ import annotations

import os
from pathlib import Path

from playwright.sync_api import expect

from tests.e2e.dashboard_seed import PASSWORD

ARTIFACTS = Path(
    os.environ.get("BROWSER_ARTIFACTS") or Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"
)


def log_in(page, server, username, next_path="/admin/"):
    page.goto(f"{server}{next_path}")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    expect(page).to_have_url(f"{server}{next_path}")


def image_loaded(img) -> bool:
    """The image has arrived and decoded; one still loading is waited for, not judged at that instant."""
    return img.evaluate(
        """i => i.complete ? i.naturalWidth > 0 : new Promise(done => {
            i.addEventListener("load", () => done(i.naturalWidth > 0));
            i.addEventListener("error", () => done(false));
        })"""
    )


def fits_the_screen(page) -> bool:
    """Nothing scrolls sideways."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def smallest_chart_text(page) -> float:
    """The smallest rendered font size (CSS px) of any visible text in the page's SVG charts."""
    return page.evaluate("""() => {
        let smallest = Infinity;
        for (const el of document.querySelectorAll('svg.chart text')) {
            if (!el.getClientRects().length || !el.textContent.trim()) continue;
            const size = parseFloat(getComputedStyle(el).fontSize) * el.getScreenCTM().a;
            smallest = Math.min(smallest, size);
        }
        return smallest;
    }""")


def snap(page, name: str) -> None:
    """With BROWSER_SCREENSHOTS=always, keep a screenshot of this moment (``<name>_<viewport>.png``), to look at."""
    if os.environ.get("BROWSER_SCREENSHOTS") == "always":
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}_{page.viewport_name}.png"), full_page=True)
