"""The awards capability's manifest: ``python run.py awards --period YYYY-MM`` (the candidate lists as Excel), the
reminder before each award date, the dashboard's 评选表彰 page (mark and withdraw winners), the export; its rules
and services are in bot/awards.py (a winner's 荣誉证书: bot/certificates.py). One chat route (round 51): the village's
award asked (我们村评上先进了吗), the office's matter, never an adviser's ticket; conv100: the sender's own award asked
(我今年有冇评到奖, 技术顾问评奖我有份吗) too, answered with the sender's own."""

from __future__ import annotations

from bot import awards, nlu, schedule
from bot.context import Ctx
from bot.dashboard import award_pages
from bot.identity import registered
from bot.registry import Command
from bot.roster import ADVISER
from bot.router import Decided, Route, staged
from bot.scheduler import Job
from bot.store import awards as store
from bot.store import roster as roster_store
from handlers.core import follow_up, text_normalized


def _award_ahead(ctx: Ctx):
    """The award asked, and whose (pure); conv101: a village named by its name ('埔心村上榜冇啊') waits for ``_theirs``."""
    if ctx.msg.msg_type != "text":
        return None
    if nlu.village_award_asked(ctx.msg.text or ""):
        return Decided(True)
    whose = nlu.award_asked_whose(text_normalized(ctx))
    return whose if whose == "named" else (Decided(True) if whose else None)


def _theirs(ctx: Ctx, _whose) -> bool:
    """Conv101: the village named is the sender's own (another's award is the office's to say, not this reply's)."""
    village = roster_store.village(ctx.db, ctx.person["village_id"]) if ctx.person else None
    return bool(village and village["name"] in (ctx.msg.text or ""))


_village_award_asked = staged(_award_ahead, _theirs)


@registered
def on_village_award_asked(ctx: Ctx, _match) -> str:
    """The village's standing collective awards, else the awards' schedule; the office names the winners. Conv100: the
    sender's own asked ('我评上最美植绿人没有'): their own standing awards, else the schedule (an adviser: how advisers
    are ranked)."""
    assert ctx.person is not None  # @registered
    first = schedule.date_words(schedule.milestone_date(ctx.config, "first_awards"))
    annual = schedule.date_words(schedule.milestone_date(ctx.config, "annual_awards"))
    norm = text_normalized(ctx)
    whose = nlu.award_asked_whose(norm)
    if whose == "relative":  # conv101: a relative's own, told by the office to them
        return ctx.t("awards.asked_relative", first=first, annual=annual)
    # conv101: an award asked bare just after one's certificates or awards ('咁有冇奖啊') is the sender's own
    if whose == "mine" or nlu.follow_up_said(norm) == "award":
        mine = store.of_person(ctx.db, ctx.person["id"])
        if mine:
            titles = "、".join(ctx.t("awards.asked_won_line", title=a["title"], period=a["period"]) for a in mine)
            return ctx.t("awards.asked_mine_won", titles=titles, annual=annual)
        lines = [ctx.t("awards.asked_mine", first=first, annual=annual)]
        if ctx.person["role"] == ADVISER:
            lines.append(ctx.t("certificates.adviser_award", first=first, annual=annual))
        else:
            lines.append(ctx.t("awards.asked_mine_chance"))
        return "\n".join(lines)
    village_id = ctx.person["village_id"]
    won = store.of_village(ctx.db, village_id) if village_id is not None else []
    if won:
        titles = "、".join(ctx.t("awards.asked_won_line", title=a["title"], period=a["period"]) for a in won)
        return ctx.t("awards.asked_won", titles=titles, annual=annual)
    return ctx.t("awards.asked", first=first, annual=annual)


# conv101 (22w: '我的证书' then '咁有冇奖啊'): an award asked bare just after one's certificates or awards, the sender's
ROUTES: list = [
    Route(
        "awards_asked",
        follow_up(_village_award_asked, "award", frozenset({"my_certificates", "awards_asked"})),
        on_village_award_asked,
    )
]
COMMANDS: dict = {
    "awards": Command(
        "the award candidate lists (最美植绿人, 最美植绿集体, 技术顾问) as Excel, up to a month's end",
        awards.awards_arguments,
        awards.cmd_awards,
    ),
}
JOBS: list = [Job("award_reminders", awards.award_reminders, 300)]
STORES: list = [store]
EXPORTS: dict = {**store.EXPORT_SQL}
DASHBOARD: list = award_pages.PAGES
