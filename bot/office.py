"""The campaign office (管理员) asking in chat for work the dashboard does (round 54, the lead as the office in the
simulator: `帮我群发一条通知`, `今日有几多条记录要审核` were not understood): the page named with its address, the
review queue with how many records wait. The words are messages/replies/office.toml's ``[words]``; only a short text
is read (a longer one is a story or a question, for the rest of the routes)."""

from __future__ import annotations

import functools

from bot import nlu
from bot.store import dashboard as dashboard_store

# each page's work -> its address on the dashboard (bot/dashboard/*_pages.py), its reply, the words that name it
PAGES = {
    "review": ("/admin/review", "office.review", "office.words.review"),
    "broadcasts": ("/admin/broadcasts", "office.broadcasts", "office.words.broadcasts"),
    "reports": ("/admin/reports", "office.reports", "office.words.reports"),
    "roster": ("/admin/roster", "office.roster", "office.words.roster"),
    "awards": ("/admin/awards", "office.awards", "office.words.awards"),
    # the lead (forty-first session, a secretary's 导出 had gone to the adviser): last, so 导出通报 stays the reports'
    "exports": ("/admin/exports", "office.exports", "office.words.exports"),
}
REVIEW_STATES = ("pending", "spot_check")  # the review queue's default filter: 待审核 and 抽查
VILLAGE_REVIEW = "village_review"  # a village cadre's review asked: the village's share of the queue (round 58)
VILLAGE_EXPORTS = "village_exports"  # a village cadre's 导出 asked: the village's figures and page (the lead, 41st)
OFFICE_ASK_MAX_CHARS = 24


def page_asked(app, norm: str) -> str | None:
    """Which page's work a short normalised text names ('今日有多少条记录要审核' -> review), or None."""
    if not norm or len(norm) > OFFICE_ASK_MAX_CHARS:
        return None
    for key, (_, _, words) in PAGES.items():
        if any(word in norm for word in _normalized(app.messages.words(words))):
            return key
    return None


@functools.lru_cache(maxsize=16)
def _normalized(words: frozenset[str]) -> tuple[str, ...]:
    """A page's words as the texts read are normalised: once, not for every message on the webhook's path."""
    return tuple(nlu.normalize(word) for word in words)


def page_text(app, db, key: str) -> str:
    """The reply: the page's address, and for the review queue how many records wait."""
    path, reply, _ = PAGES[key]
    url = app.config.public_link(path)
    if key != "review":
        return app.t(reply, url=url)
    waiting = dashboard_store.count_review_queue(db, states=REVIEW_STATES)
    return app.t("office.review", n=waiting, url=url) if waiting else app.t("office.review_none", url=url)


def village_exports_text(app, village_id: int) -> str:
    """A village cadre's 导出 asked: the county's tables are the office's (admin only); the village's own figures are
    in chat (本村进度, 未种名单) and on the village's page, which a cadre's login sees."""
    return app.t("office.village_exports", url=app.config.public_link(f"/admin/villages/{village_id}"))


def village_review_text(app, db, village_id: int) -> str:
    """A village cadre's 审核 asked: how many of the village's records wait, and that the office reviews them (the
    cadres' login sees the village's figures, not the queue); the villagers themselves ask with 点解我嘅树要审核."""
    waiting = dashboard_store.count_review_queue(db, states=REVIEW_STATES, village_id=village_id)
    return app.t("office.village_review", n=waiting) if waiting else app.t("office.village_review_none")
