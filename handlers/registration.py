"""Registration: follow / QR scene welcome, 登记, the follow-up answers of 登记, and 我的信息.

```mermaid
stateDiagram-v2
    [*] --> ask_name: follow or scan a village QR code (village preselected)
    [*] --> ask_village: 登记 <姓名> (no village known)
    [*] --> choose_village: 登记 <姓名> <村> matching several villages
    ask_name --> [*]: a bare name → bound
    ask_village --> choose_village: a village text matching several
    ask_village --> [*]: a village text matching one → bound
    choose_village --> [*]: a number or a candidate's name → bound
```
Every state also ends with 取消 or after three days. After a successful binding the messages kept
by ``bot.identity.require_registered`` are handled again and their replies appended.
"""
from __future__ import annotations

from bot import identity
from bot.context import Ctx
from bot.identity import REGISTRATION, normalize_text
from bot.ids import row_id
from bot.roster import match_village
from bot.router import Route
from bot.store import roster as roster_store
from bot.store import users as users_store
from handlers import core

MAX_CHOICES = 8


# -- follow / scan ----------------------------------------------------------------------------------
def scene_village_id(event_key: str | None) -> int | None:
    """``qrscene_12`` (follow through a code) or ``12`` (scan while following) -> 12."""
    return row_id((event_key or "").strip().removeprefix("qrscene_"))


def on_follow(ctx: Ctx, _match) -> str:
    if ctx.msg.event == "subscribe":
        users_store.set_subscribed(ctx.db, ctx.openid, True, ctx.now_s)
    village = roster_store.village(ctx.db, scene_village_id(ctx.msg.event_key))
    if village:
        users_store.set_scene_village(ctx.db, ctx.openid, village["id"])
    person = ctx.person
    if person:
        return ctx.t("core.welcome_back", name=person["name"])
    if village:
        REGISTRATION.enter(ctx, "ask_name", {"village_id": village["id"]})
        return ctx.t("registration.welcome_village", village=village["name"])
    return ctx.t("core.welcome")


# -- 登记 ---------------------------------------------------------------------------------------------
def match_register(ctx: Ctx):
    if ctx.msg.msg_type != "text" or not identity.is_register_text(ctx.msg.text or ""):
        return None
    return identity.parse_register_text(ctx.msg.text, roster_store.all_villages(ctx.db))


def on_register(ctx: Ctx, parsed: identity.RegisterText) -> str:
    if parsed.name is None:
        village = identity.scene_village(ctx)
        if village:
            REGISTRATION.enter(ctx, "ask_name", {"village_id": village["id"]})
            return ctx.t("registration.not_registered_with_village", village=village["name"])
        return ctx.t("registration.usage")
    if not identity.is_plausible_name(parsed.name):
        return ctx.t("registration.bad_name")
    if parsed.village_text is None:
        village = identity.scene_village(ctx)
        if village:
            return _bind(ctx, parsed.name, village)
        REGISTRATION.enter(ctx, "ask_village", {"name": parsed.name})
        return ctx.t("registration.ask_village", name=parsed.name)
    return _resolve_village(ctx, parsed.name, parsed.village_text, roster_store.all_villages(ctx.db))


def _resolve_village(ctx: Ctx, name: str, village_text: str, villages: list[dict]) -> str:
    candidates = match_village(village_text, villages)
    if not candidates:
        REGISTRATION.enter(ctx, "ask_village", {"name": name})
        return ctx.t("registration.unknown_village", village=village_text, name=name)
    if len(candidates) == 1:
        return _bind(ctx, name, candidates[0])
    candidates = candidates[:MAX_CHOICES]
    REGISTRATION.enter(ctx, "choose_village", {"name": name, "village_ids": [v["id"] for v in candidates]})
    choices = "\n".join(ctx.t("registration.choice_line", n=n, name=v["name"],
                              town=f"（{v['town']}）" if v["town"] else "")
                        for n, v in enumerate(candidates, start=1))
    return ctx.t("registration.choose_village", village=village_text, choices=choices)


def _bind(ctx: Ctx, name: str, village: dict) -> str:
    binding = identity.bind(ctx, name, village)
    person = binding.person
    facts = dict(name=person["name"], village=village["name"], role=person["role"])
    if binding.status == "taken":
        return ctx.t("registration.taken", name=name, village=village["name"])
    if binding.status == "already":
        return ctx.t("registration.already_registered", **facts)
    reply = ctx.t("registration.registered", **facts)
    replies = identity.replay_kept(ctx)
    if replies:
        reply += "\n\n" + ctx.t("registration.replayed") + "\n" + "\n\n".join(replies)
    return reply


# -- the follow-up answers ------------------------------------------------------------------------------
def match_registration_reply(ctx: Ctx):
    """While 登记 waits for a name, a village or a choice: a reply that answers it (else fall through)."""
    if ctx.msg.msg_type != "text":
        return None
    state = REGISTRATION.state(ctx)
    if state is None:
        return None
    text = normalize_text(ctx.msg.text)
    if state.name == "ask_name":
        return (state, text) if identity.looks_like_bare_name(text) else None
    if state.name == "choose_village":
        ids = state.data.get("village_ids", [])
        if text.isdigit():
            return (state, text) if 1 <= int(text) <= len(ids) else None
    if identity.looks_like_place(text) or match_village(text, roster_store.all_villages(ctx.db)):
        return state, text
    return None


def on_registration_reply(ctx: Ctx, match) -> str:
    state, text = match
    if state.name == "ask_name":
        village = roster_store.village(ctx.db, state.data.get("village_id"))
        if village is None:
            REGISTRATION.end(ctx)
            return ctx.t("registration.usage")
        return _bind(ctx, text, village)
    name = state.data["name"]
    if state.name == "choose_village":
        candidates = [v for v in (roster_store.village(ctx.db, i) for i in state.data["village_ids"]) if v]
        if text.isdigit():
            return _bind(ctx, name, candidates[int(text) - 1])
        if match_village(text, candidates):  # the name of one of the listed villages
            return _resolve_village(ctx, name, text, candidates)
    return _resolve_village(ctx, name, text, roster_store.all_villages(ctx.db))


# -- 我的信息 ------------------------------------------------------------------------------------------
def on_my_info(ctx: Ctx, _match) -> str:
    person = ctx.person
    if person is None:
        village = identity.scene_village(ctx)
        if village:
            return ctx.t("registration.not_registered_with_village", village=village["name"])
        return ctx.t("registration.not_registered")
    village = roster_store.village(ctx.db, person["village_id"])
    lines = [ctx.t("registration.my_info", name=person["name"], village=village["name"] if village else "—",
                   role=person["role"], household=person["household"] or ctx.t("registration.household_unknown"))]
    if person["role"] == "技术顾问":
        villages = roster_store.villages_of_adviser(ctx.db, person["id"])
        if villages:
            lines.append(ctx.t("registration.my_info_adviser_villages", villages="、".join(v["name"] for v in villages)))
    lines.append(ctx.t("registration.my_info_fix"))
    return "\n".join(lines)


ROUTES: list = [
    Route("subscribe", core.is_event("subscribe", "scan"), on_follow),
    Route("register", match_register, on_register),
    Route("my_info", core.text_is("我的信息", "我的资料", "个人信息", "我的登记"), on_my_info),
    Route("registration_reply", match_registration_reply, on_registration_reply),
]
JOBS: list = []
