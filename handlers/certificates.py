"""The certificates capability's manifest: 我的证书 in the chat, the job that issues a person's 植绿尽责证书 when their
verified trees reach their quota, the export; its rules and services are in bot/certificates.py, the picture in
bot/certificate_image.py, the public page in bot/certificate_page.py.

Routes (dispatch order in handlers/__init__.py):
- my_certificates: ``我的证书``: the sender's certificates again (picture and page link), or how to earn one; a
  relative's checked for (``帮我妈看一下她的证书出来没有``): the household's others'
"""

from __future__ import annotations

from bot import certificates, nlu, progress, schedule
from bot.context import Ctx
from bot.identity import registered
from bot.roster import NON_HOUSEHOLD_ROLES
from bot.router import Route
from bot.scheduler import Job
from bot.store import certificates as store
from handlers.core import text_means, text_normalized


def _relatives_certificates(ctx: Ctx) -> str:
    """A relative's certificate checked for ('帮我妈看一下她的证书出来没有'): those of the sender's household (the others
    in it: bot/progress.py's household), each with its page; none: who gets one."""
    assert ctx.person is not None  # @registered
    household = progress.household_progress(ctx.db, ctx.config, ctx.person["id"])
    others = [i for i in (household.member_ids if household else ()) if i != ctx.person["id"]]
    held = [c for c in store.of_people(ctx.db, others) if certificates.is_genuine(ctx.db, c)] if others else []
    if not held:
        return ctx.t("certificates.none_relatives")
    return "\n".join(
        ctx.t(
            "certificates.relative_line",
            name=c["name"],
            title=ctx.t(certificates.TITLES[c["kind"]]),
            serial=c["serial"],
            url=certificates.page_url(ctx.app, c),
        )
        for c in held
    )


@registered
def on_my_certificates(ctx: Ctx, _match) -> str:
    if ctx.msg.msg_type == "text" and nlu.relative_certificate_asked(text_normalized(ctx)):
        # conv111: the relative said to use the sender's phone: what is reported on it is this account's (one WeChat,
        # one person), then the household's others' as round 23 gives them; never one issued to the relative here
        on_mine = [ctx.t("certificates.relative_on_my_phone")] if nlu.relative_on_my_phone(text_normalized(ctx)) else []
        return "\n".join([*on_mine, _relatives_certificates(ctx)])  # round 23: the household's, not the sender's
    genuine, revoked = certificates.mine(ctx)
    if genuine:
        certificates.send_again(ctx, genuine)
        return "\n".join(certificates.text_line(ctx.app, cert, again=True) for cert in genuine)
    waiting = [c for c in revoked if certificates.waits_for_review(ctx.db, c)]
    if waiting:  # sim70: a record behind it moved to review (a far location): it waits, it is not withdrawn
        return ctx.t("certificates.waiting_review", serial=waiting[0]["serial"])
    if revoked:
        return ctx.t("certificates.only_revoked")
    assert ctx.person is not None  # @registered
    quota = progress.quota_for(ctx.config, ctx.person["role"])
    if ctx.person["role"] in NON_HOUSEHOLD_ROLES:
        if ctx.msg.msg_type == "text" and nlu.adviser_award_asked(text_normalized(ctx)):
            # round 76: an adviser's own award asked: how advisers are rated (bot/awards.py), and when
            first = schedule.date_words(schedule.milestone_date(ctx.config, "first_awards"))
            annual = schedule.date_words(schedule.milestone_date(ctx.config, "annual_awards"))
            return "\n".join(
                [ctx.t("certificates.none_staff"), ctx.t("certificates.adviser_award", first=first, annual=annual)]
            )
        return ctx.t("certificates.none_staff")
    none = ctx.t("certificates.none_quota", quota=quota) if quota else ctx.t("certificates.none_household")
    return "\n".join([none, *_why_none(ctx, quota), *_award_line(ctx)])


def _award_line(ctx: Ctx) -> list[str]:
    """Round 94: an award's certificate asked ('获奖证书点样攞') with none held: how a 荣誉证书 comes (the office marks the
    winners at the award dates, bot/awards.py, and it is sent here)."""
    if ctx.msg.msg_type != "text" or not nlu.award_certificate_named(text_normalized(ctx)):
        return []
    first = schedule.date_words(schedule.milestone_date(ctx.config, "first_awards"))
    annual = schedule.date_words(schedule.milestone_date(ctx.config, "annual_awards"))
    return [ctx.t("certificates.none_award", first=first, annual=annual)]


def _why_none(ctx: Ctx, quota: int) -> list[str]:
    """Round 36: why the sender holds no certificate yet, from their own records ('我的证书呢 为什么没收到'): trees still
    waiting for the village's check, how many are left of the quota, none logged, or the household's already held."""
    assert ctx.person is not None  # @registered
    me = progress.person_progress(ctx.db, ctx.config, ctx.person["id"])
    if me is None:
        return []
    if not quota:
        household = progress.household_progress(ctx.db, ctx.config, ctx.person["id"])
        others = [i for i in (household.member_ids if household else ()) if i != ctx.person["id"]]
        held = [c for c in store.of_people(ctx.db, others) if certificates.is_genuine(ctx.db, c)] if others else []
        if held:
            return [ctx.t("certificates.why_household_held", name=held[0]["name"])]
    lines = []
    if quota and me.trees:
        lines.append(ctx.t("certificates.why_left", trees=me.trees, left=max(0, quota - me.trees)))
    if me.pending_trees:
        lines.append(ctx.t("certificates.why_pending", trees=me.pending_trees))
    elif not me.trees and not me.records:
        lines.append(ctx.t("certificates.why_no_records"))
    return lines


# -- the manifest -------------------------------------------------------------------------------------------
def _certificate_asked(_app, meaning: str) -> bool:
    # '我的证书呢', '证书在哪里看', '荣誉证书发我一份'; round 76: an adviser's own award ('今年技术顾问有冇评奖 我有冇份')
    return nlu.certificate_asked(meaning) or nlu.adviser_award_asked(meaning)


ROUTES: list = [
    Route("my_certificates", text_means("certificates.commands.mine", _certificate_asked), on_my_certificates)
]
JOBS: list = [Job("certificates", certificates.issue_due, 30, for_user=certificates.issue_due)]
STORES: list = [store]
EXPORTS: dict = {**store.EXPORT_SQL}
