"""The progress capability's manifest: 我的进度 and 本村进度 (and the menu buttons that stand for them), the
numbers of bot.progress; the 通报's ranking columns and the ``report`` command (bot/reports.py)."""
from __future__ import annotations

from bot import progress, reports
from bot.context import Ctx
from bot.identity import registered
from bot.registry import Command
from bot.router import Route
from handlers.core import text_is


@registered
def on_my_progress(ctx: Ctx, _match) -> str:
    return progress.my_progress_text(ctx.app, ctx.db, ctx.person)


@registered
def on_village_progress(ctx: Ctx, _match) -> str:
    village_id = ctx.person.get("village_id")
    figures = progress.village_progress(ctx.db, ctx.config, village_id) if village_id is not None else None
    if figures is None:
        return ctx.t("progress.no_village")
    return progress.village_progress_text(ctx.app, figures)


ROUTES: list = [
    Route("my_progress", text_is("progress.commands.my_progress"), on_my_progress),
    Route("village_progress", text_is("progress.commands.village_progress"), on_village_progress),
]
REPORT_COLUMNS: list = reports.PROGRESS_COLUMNS
COMMANDS: dict = {
    "report": Command("the monthly progress report as Excel / 月度进度通报（Excel）", reports.report_arguments,
                      reports.cmd_report),
}
