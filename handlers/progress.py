"""The progress capability's manifest: 我的进度 and 本村进度 (and the menu buttons that stand for them), the
numbers of bot.progress and the standings of bot/standings.py; the 通报's ranking columns, the ``report``
command, the ``monthly_report`` job that keeps each month's 通报 and sends the villages their lines, and
the dashboard's 通报 page (bot/reports.py, bot/dashboard/report_pages.py)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from bot import nlu, planting, progress, reports, standings
from bot.context import Ctx
from bot.dashboard import report_pages
from bot.identity import registered
from bot.registry import Command
from bot.roster import core_name
from bot.router import Route, pure
from bot.scheduler import Job
from bot.store import reports as reports_store
from bot.store import roster as roster_store
from handlers.core import text_means, text_normalized

# who may see another village's figures in chat by its name: an adviser those linked to them (DESIGN.md: advisers are
# each linked to some villages); anyone else their own village only (the dashboard and the 通报 show the rest)
ROLE_ADVISER = "技术顾问"


@registered
def on_my_progress(ctx: Ctx, _match) -> str:
    assert ctx.person is not None  # @registered
    return progress.my_progress_text(ctx.app, ctx.db, ctx.person)


@registered
def on_village_progress(ctx: Ctx, match) -> str:
    assert ctx.person is not None  # @registered
    # a village asked by its name (one the sender may see: ``_named_village``), else the sender's own
    village_id = match["id"] if isinstance(match, dict) else ctx.person.get("village_id")
    standing = standings.of_village(ctx.app, village_id, ctx.now) if village_id is not None else None
    if standing is None:
        return ctx.t("progress.no_village")
    return (
        progress.village_progress_text(ctx.app, standing.village)
        + "\n"
        + standings.standing_text(ctx.app, standing, standings.local_day(ctx.app, ctx.now))
    )


def _progress_reader(app) -> Callable[[str], str | None]:
    """``nlu.progress_said`` with this app's species table, each text read once (both routes ask it)."""
    table = planting.species_table(app)

    @lru_cache(maxsize=4096)
    def read(meaning: str) -> str | None:
        return nlu.progress_said(meaning, table)

    return read


def _progress_said(wanted: str):
    """A question about the sender's (``mine``) or the village's (``village``) progress in other words (bot/nlu.py
    ``progress_said``: '我种了几棵树了', '我那几棵树登记上了没有', '全村种了多少了')."""

    def said(app, meaning: str) -> bool:
        return app.service("progress_reader", _progress_reader)(meaning) == wanted

    return said


def _viewable_villages(ctx: Ctx) -> set[int]:
    """The villages whose figures the sender may see in chat: their own; an adviser's linked villages too."""
    person = ctx.person or {}
    own = {person["village_id"]} if person.get("village_id") is not None else set()
    if person.get("role") == ROLE_ADVISER:
        own |= {v["id"] for v in roster_store.villages_of_adviser(ctx.db, person["id"])}
    return own


@pure
def _named_village(ctx: Ctx) -> dict | None:
    """A village's progress asked by its name ('埔心目前种了多少棵', bot/nlu.py ``village_named_in_progress``), of a
    village the sender may see (``_viewable_villages``): that village; None for any other (a villager asking after
    another village's count gets no figures of it here)."""
    if ctx.msg.msg_type != "text" or not ctx.person:
        return None
    said = nlu.village_named_in_progress(text_normalized(ctx), planting.species_table(ctx.app))
    if not said:
        return None
    viewable = _viewable_villages(ctx)
    villages = [v for v in roster_store.all_villages(ctx.db) if v["id"] in viewable]
    return next((v for name in said for v in villages if name in (v["name"], core_name(v["name"]))), None)


_village_words = text_means("progress.commands.village_progress", _progress_said("village"))


@pure
def _village_asked(ctx: Ctx):
    """本村进度 in its words (the sender's village), or a village the sender may see asked by its name (that village)."""
    return _village_words(ctx) or _named_village(ctx)


ROUTES: list = [
    Route("my_progress", text_means("progress.commands.my_progress", _progress_said("mine")), on_my_progress),
    Route("village_progress", _village_asked, on_village_progress),
]
REPORT_COLUMNS: list = reports.PROGRESS_COLUMNS
COMMANDS: dict = {
    "report": Command(
        "the monthly progress report as Excel / 月度进度通报（Excel）", reports.report_arguments, reports.cmd_report
    ),
}
JOBS: list = [Job("monthly_report", reports.monthly_report, 300)]
STORES: list = [reports_store]
DASHBOARD: list = report_pages.PAGES
