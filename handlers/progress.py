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
from bot.router import Route
from bot.scheduler import Job
from bot.store import reports as reports_store
from handlers.core import text_means


@registered
def on_my_progress(ctx: Ctx, _match) -> str:
    assert ctx.person is not None  # @registered
    return progress.my_progress_text(ctx.app, ctx.db, ctx.person)


@registered
def on_village_progress(ctx: Ctx, _match) -> str:
    assert ctx.person is not None  # @registered
    village_id = ctx.person.get("village_id")
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


ROUTES: list = [
    Route("my_progress", text_means("progress.commands.my_progress", _progress_said("mine")), on_my_progress),
    Route(
        "village_progress",
        text_means("progress.commands.village_progress", _progress_said("village")),
        on_village_progress,
    ),
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
