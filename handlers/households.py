"""The households capability's manifest: a village's cadre puts a self-registered villager in a roster household
(并户) or takes him out again (取消并户); the dashboard village page's section of its self-registered people. The rules
are in bot/households.py; the household figures that leave such villagers out are bot/progress.py's.

Routes (dispatch order in handlers/__init__.py):
- household_unlink: ``取消并户 李桂英`` (a cadre of the village)
- household_link: ``并户 李桂英 张大伯``, or said by a cadre in words (``把李桂英并到张大伯家``)
"""

from __future__ import annotations

from typing import Any

from flask import render_template

from bot import households, progress
from bot.context import Ctx
from bot.dashboard import auth
from bot.identity import acts_as, staff_refusal
from bot.roster import NON_HOUSEHOLD_ROLES
from bot.router import Decided, Route, pure, staged
from bot.store import households as store
from bot.store import roster as roster_store

_KEY = "households.commands."
_USAGE = "usage"  # 并户 with no two names after it (a match must be truthy)


def _words(app, name: str):
    return app.messages.words(_KEY + name)


def _text(ctx) -> str:
    return ctx.msg.text or "" if ctx.msg.msg_type == "text" else ""


# -- matchers ---------------------------------------------------------------------------------------
@pure
def _unlink_text(ctx) -> tuple[str] | None:
    """(the name after 取消并户,): ('',) for a bare one or a wrong form, the usage."""
    name = households.parse_unlink(_text(ctx), _words(ctx.app, "unlink"))
    return None if name is None else (name,)


def _link_ahead(ctx) -> Any:
    """``并户 …`` decides (its usage when the rest is no two names); 并户 said in words goes on to ``_from_cadre``."""
    text = _text(ctx)
    if not text:
        return None
    app = ctx.app
    parsed = households.parse_link(text, _words(app, "link"), (), _words(app, "house_words"))
    if parsed is not None:
        return Decided(parsed)
    if any(text.strip().startswith(word) for word in _words(app, "link")):
        return Decided(_USAGE)
    return households.parse_link(text, (), _words(app, "link_verbs"), _words(app, "house_words"))


def _from_cadre(ctx: Ctx, parsed: households.LinkText) -> households.LinkText | None:
    """Said in words, only a village's cadre's is read as 并户, and only when the first name is someone's of the
    village (把这两棵并到上一条 is no 并户)."""
    person = ctx.person or {}
    cadre = acts_as(person, ctx.config.get("pledges.cadre_roles")) and person.get("village_id") is not None
    if not cadre:
        return None
    found = households.find(ctx.db, parsed.member, person["village_id"])
    return parsed if found.person is not None else None


def _cadre_refusal(ctx: Ctx) -> str | None:
    return staff_refusal(
        ctx, ctx.config.get("pledges.cadre_roles"), "households.cadres_only", no_village="households.no_village"
    )


# -- handlers ---------------------------------------------------------------------------------------
def _who(ctx: Ctx, found: households.Resolved) -> str | None:
    """The reply when ``found`` is nobody of the village, or several."""
    if found.person is not None:
        return None
    if found.candidates:
        return ctx.t("households.ambiguous", name=found.said, candidates=households.names(found.candidates))
    villages = "、".join(dict.fromkeys(p["village"] for p in found.elsewhere if p["village"]))
    if villages:
        return ctx.t("households.elsewhere", name=found.said, villages=villages)
    return ctx.t("households.unknown", name=found.said)


def on_link(ctx: Ctx, parsed: households.LinkText | str) -> str:
    refusal = _cadre_refusal(ctx)
    if refusal:
        return refusal
    if not isinstance(parsed, households.LinkText):
        return ctx.t("households.usage")
    cadre = ctx.person
    assert cadre is not None and cadre["village_id"] is not None  # _cadre_refusal
    village_id = cadre["village_id"]
    member = households.find(ctx.db, parsed.member, village_id)
    head = households.find(ctx.db, parsed.head, village_id)
    problem = _who(ctx, member) or _who(ctx, head)
    if problem:
        return problem
    assert member.person is not None and head.person is not None  # _who
    if member.person["id"] == head.person["id"]:
        return ctx.t("households.same_person")
    why = households.link_refusal(member.person)
    if why:
        link_row = store.live_link(ctx.db, member.person["id"]) or {}
        return ctx.t(
            why,
            name=member.person["name"],
            household=member.person["household"] or ctx.t("households.no_household"),
            head=link_row.get("head_name") or member.person["household"],
        )
    why = households.head_refusal(head.person, NON_HOUSEHOLD_ROLES)
    if why:
        return ctx.t(why, name=head.person["name"], role=head.person["role"])
    household = households.link(ctx.db, member.person, head.person, cadre, ctx.now_s)
    return _linked_text(ctx, member.person, head.person, household)


def _linked_text(ctx: Ctx, member: dict, head: dict, household: str) -> str:
    home = progress.household_progress(ctx.db, ctx.config, member["id"])
    village = progress.village_progress(ctx.db, ctx.config, member["village_id"])
    assert home is not None and village is not None  # just written
    people = store.household_members(ctx.db, member["village_id"], household)
    mark = (
        ctx.t("households.linked_done")
        if home.done
        else ctx.t("households.linked_short", left=home.target - home.counted)
    )
    return ctx.t(
        "households.linked",
        member=member["name"],
        head=head["name"],
        household=household,
        n=len(people),
        members=households.names(people),
        trees=home.counted,
        target=home.target,
        mark=mark,
        village=village.name,
        covered=village.households_covered,
        households=village.households_total,
    )


def on_unlink(ctx: Ctx, said: tuple[str]) -> str:
    (name,) = said
    refusal = _cadre_refusal(ctx)
    if refusal:
        return refusal
    if not name:
        return ctx.t("households.unlink_usage")
    cadre = ctx.person
    assert cadre is not None and cadre["village_id"] is not None  # _cadre_refusal
    found = households.find(ctx.db, name, cadre["village_id"])
    problem = _who(ctx, found)
    if problem:
        return problem
    assert found.person is not None  # _who
    member = found.person
    link_row = store.live_link(ctx.db, member["id"])
    if link_row is None or member["source"] != households.SELF or member["household"] != link_row["household"]:
        return ctx.t("households.not_linked", name=member["name"])
    households.unlink(ctx.db, member, link_row, cadre, ctx.now_s)
    head = roster_store.person(ctx.db, link_row["head_id"])
    home = progress.household_progress(ctx.db, ctx.config, head["id"]) if head else None
    return ctx.t(
        "households.unlinked",
        name=member["name"],
        head=link_row["head_name"] or link_row["household"],
        trees=home.counted if home else 0,
    )


# -- the dashboard's village page ---------------------------------------------------------------------------
def village_section(village_id: int) -> str:
    """The village page's section: its self-registered people, 名册未核 or the household a cadre put them in."""
    ctx = auth.bot()
    return render_template("dashboard/households_section.html", people=store.self_registered(ctx.db, village_id))


ROUTES: list = [
    Route("household_unlink", _unlink_text, on_unlink),
    Route("household_link", staged(_link_ahead, _from_cadre), on_link),
]
STORES: list = [store]
VILLAGE_SECTIONS: list = [village_section]
