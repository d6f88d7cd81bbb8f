"""The village matters capability's manifest (round 40): a matter the village decides (leave from the planting day,
how seedlings are shared out, who runs the campaign in the village) answered with whom to ask, never an adviser's
ticket; its reader and rules are in bot/village_matters.py.

Routes (dispatch order in handlers/__init__.py):
- village_matter: ``下礼拜三村里种树我去不了 能请假吗``, ``分树苗是按户分还是按人分 村里谁管`` from a villager: the
  village's cadres by name and role (the roster), or the campaign office; technical questions, the campaign's rules and
  staff asking go on to the FAQ and the adviser
"""

from __future__ import annotations

from bot import nlu, village_matters
from bot.context import Ctx
from bot.roster import CADRE_ROLES, STAFF_ROLES
from bot.router import Route, staged
from bot.store import roster as roster_store
from handlers.core import said_just_after, text_normalized


def _matter_said(ctx) -> str | None:
    return village_matters.matter_said(ctx.msg.text or "") if ctx.msg.msg_type == "text" else None


def _asked_by_a_villager(ctx: Ctx, topic: str) -> str | None:
    """A villager's (or a party member's, or a follower's not registered yet): staff (the cadres themselves, advisers,
    the office, leaders) asking go on to the FAQ (`苗不够了可以找谁调` from a cadre is the FAQ's on seedlings)."""
    return None if ctx.person and ctx.person["role"] in STAFF_ROLES else topic


def _cadres(ctx: Ctx) -> list[dict]:
    village_id = ctx.person["village_id"] if ctx.person else None
    return roster_store.village_cadres(ctx.db, village_id, CADRE_ROLES)


def whom_to_ask(ctx: Ctx) -> str:
    """The line naming whom the sender asks a village matter: their village's cadres, else the office."""
    named = village_matters.contacts(_cadres(ctx), ctx.t)
    return ctx.t("village.ask_cadres", contacts=named) if named else ctx.t("village.ask_office")


def cadre_names(ctx: Ctx) -> str:
    """'（陈建国、李红）' after 村干部 in another reply; '' when the roster names none."""
    names = "、".join(p["name"] for p in _cadres(ctx)[: village_matters.MAX_NAMED])
    return ctx.t("village.names", names=names) if names else ""


def on_matter(ctx: Ctx, topic: str) -> str:
    return ctx.t(village_matters.REPLIES[topic]) + "\n" + whom_to_ask(ctx)


_DECLINED = "declined"  # round 56: 'not going' said with nothing named ('我不参加了': ``nlu.follow_up_said``)


def _matter_ahead(ctx) -> str | None:
    if ctx.msg.msg_type != "text":
        return None
    topic = _matter_said(ctx)
    if topic:
        return topic
    return _DECLINED if nlu.follow_up_said(text_normalized(ctx)) == _DECLINED else None


def _matter_then(ctx: Ctx, read: str) -> str | None:
    """Round 56: 'not going' said with nothing named just after the planting day was talked of ('我不参加了' after
    '村里几时搞植树活动'): leave from that day; else it goes on (the wish to leave is registration's)."""
    if read == _DECLINED:
        if not said_just_after(ctx, village_matters.PLANTING_DAY_ROUTES):
            return None
        read = village_matters.LEAVE
    return _asked_by_a_villager(ctx, read)


ROUTES: list = [Route("village_matter", staged(_matter_ahead, _matter_then), on_matter)]
