"""An accident answered is still heard of (aidnotice; docs/faq.md 急救答复之后).

Since FAQ round 116 a villager who tells that someone was stung, bitten, poisoned, burnt by lime or hurt gets the first
aid at once, its safety line first, and no ticket (``accident_answered``: reason ``safety_aid``). The people who run the village's
planting day must still know (to check on the person, for the day's safety, for any insurance), so the reply also:

- keeps a row (bot/store/accidents.py, export ``accidents``): once per villager, kind (the first aid entry) and
  campaign-local day; a WeChat retry, the same words again or the same sting told twice that day add nothing, another
  kind of accident (a snake after a wasp) is a row of its own;
- tells the village's cadres (``roster.CADRE_ROLES``, the secretary first) who follow the account, through the outbox
  (``reminders.tell_village``: queued, retried, held for a shut 48-hour window and sent when they write again), at once
  as a new ticket telling of a danger is (round 56), never the sender themselves (a cadre stung);
- with no cadre of that village on WeChat (or no village: a sender who never registered), tells the office's people
  (管理员 bound with proof, as a ticket with no adviser goes to them), the notice saying why; with nobody on WeChat at
  all the row alone stays, ``told_to`` none, for the office's export;
- says whom it told in the villager's reply, one short line (``with_told``: 村干部 or 活动办公室), only when a notice
  was queued now (not for the same accident told again that day, nor with nobody to tell).

The notice names the person as the roster has them (name, village, household: the roster's only group); a sender who
never registered is 未登记的村民, never by openid (no staff notice names one: a ticket's says its village only).
An accident that keeps its ticket (who pays, an animal poisoned, two dangers at once) tells nobody here: the ticket is the
notice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from bot import clock, escalation, identity, nlu, roster, schedule
from bot.faq import FaqResult
from bot.reminders import tell_each, tell_village
from bot.store import accidents as store
from bot.store import roster as roster_store

TEXT_CHARS = 40  # what the villager wrote, shortened for a phone's notice
KINDS = "faq.accident.kinds"  # the first aid entry -> what happened, as a cadre reads it (蜂蜇, 蛇咬 …)
IN_CASE = "faq.accident.in_case"  # words asking in case it happens (``asked_in_case``)
TOLD_TO = "faq.accident.told_to"  # whom it went to (cadres, office, none), as the export and the village page say it


TOLD_LINES = {store.CADRES: "faq.accident.reply_cadres", store.OFFICE: "faq.accident.reply_office"}


def heard(ctx, result: FaqResult) -> str:
    """After the FAQ's reply ``result`` to this message: an accident answered with first aid is recorded and told
    (module doc). Whom a notice was queued for now (``store.CADRES``, ``store.OFFICE``); '' otherwise (no accident,
    already told today, nobody on WeChat to tell)."""
    text = ctx.msg.text or ""
    kind = accident_answered(result)
    if not kind or asked_in_case(text, ctx.app.messages.words(IN_CASE)):
        return ""
    person = ctx.person
    village_id = (person or {}).get("village_id") or (ctx.user or {}).get("scene_village_id")
    day = clock.local(ctx.now, ctx.config.get("campaign.timezone")).date()
    accident_id = store.record(
        ctx.db,
        openid=ctx.openid,
        person_id=person["id"] if person else None,
        village_id=village_id,
        kind=kind,
        day=day.isoformat(),
        text=text,
        now=ctx.now_s,
    )
    if accident_id is None:
        return ""  # once per villager, kind and day
    notice = _notice(ctx, kind, village_id)
    key = f"accident:{accident_id}"
    but = person["id"] if person else None
    told: list[Mapping] = tell_village(
        ctx.db, ctx.config, village_id, roster.CADRE_ROLES, text=notice, key=key, now=ctx.now, but=but, at_once=True
    )
    to = store.CADRES
    if not told:
        office = [p for p in identity.proven_office(ctx.db) if p["id"] != but]  # the proven 管理员 on WeChat
        village = roster_store.village(ctx.db, village_id)
        why = ctx.t("faq.accident.no_cadre", village=village["name"]) if village else ctx.t("faq.accident.no_village")
        notice = notice + "\n" + why
        told = tell_each(ctx.db, ctx.config, office, text=notice, key=key, now=ctx.now, at_once=True)
        to = store.OFFICE if told else store.NOBODY
    store.told(ctx.db, accident_id, len(told), to)
    return to if told else ""


def with_told(ctx, reply: str, to: str) -> str:
    """The villager's first aid ``reply``, with one short line saying whom a notice was just queued for (session 57,
    left123: the reply never said the cadre was told); the reply alone when nobody was (``heard``: '')."""
    return f"{reply.rstrip()}\n{ctx.t(TOLD_LINES[to])}" if to in TOLD_LINES else reply


def accident_answered(result: FaqResult) -> str:
    """The first aid entry when the FAQ's reply answers an accident that has happened with the first aid done at once
    and no ticket (round 116: ``SafetyRule.aid_answers``, reason ``safety_aid``); '' for anything else (prevention
    asked, a ticket: who pays, an animal poisoned, ``aid_unless``) (pure). The same entry given by the precedents or
    the model is no accident the rules read as happened ('清杂草时碰到黄蜂窦 被叮了三口'): none on the rule checks."""
    return (result.entry_id or "") if result.kind == "answer" and result.reason == "safety_aid" else ""


def asked_in_case(text: str, words: Iterable[str]) -> bool:
    """First aid asked in case it happens: a word of ``words`` (如果, 万一, 要是 …) in the text's first clause ('上山种树
    如果被蛇咬了怎么办'). The matcher reads such a question as the accident (the first aid is the right answer either
    way), but nobody was hurt: no notice. A what-if after the accident told ('刚才被蛇咬了 万一有毒怎么办') is one
    (pure)."""
    first = next((clause for clause in nlu.PAUSES_RE.split(nlu.to_halfwidth(text)) if clause), "")
    return any(word in first for word in words)


def _notice(ctx, kind: str, village_id: int | None) -> str:
    person = ctx.person
    if person:
        household = ctx.t("faq.accident.household", household=person["household"]) if person.get("household") else ""
        who = ctx.t(
            "faq.accident.who", name=person["name"], village=_village_name(ctx, village_id), household=household
        )
    else:
        who = ctx.t("faq.accident.unregistered", village=_village_name(ctx, village_id))
    local = clock.local(ctx.now, ctx.config.get("campaign.timezone"))
    kinds = ctx.app.messages.section(KINDS)  # messages, not config: a rule with no words of its own is said as 'other'
    return ctx.t(
        "faq.accident.told",
        who=who,
        kind=kinds[kind] if kind in kinds else ctx.t("faq.accident.kind_other"),
        when=f"{schedule.date_words(local.date())} {local:%H:%M}",
        text=escalation.preview(ctx.msg.text or "", TEXT_CHARS),
    )


def _village_name(ctx, village_id: int | None) -> str:
    village = roster_store.village(ctx.db, village_id)
    return village["name"] if village else ctx.t("faq.accident.village_unknown")
